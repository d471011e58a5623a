using System.Text;
using EdgeIngest.Agreements;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Documents;

public sealed class AgreementPayloadTests
{
    private const string Valid = """{"schema":"edgeingest.agreement/1","agreement_id":"agr-7","version":4,"agency":"County Sheriff","allowed_categories":["stolen_vehicle","amber_alert"],"sharing_policy":"all_reads","retention_days":{"reads":3,"hits":60,"evidence":14},"valid_from":"2026-01-01T00:00:00Z","valid_until":"2027-01-01T00:00:00Z"}""";

    [Fact]
    public void Every_Field_Is_Read_And_Written_Back_The_Same()
    {
        var agreement = AgreementPayload.Read(Encoding.UTF8.GetBytes(Valid), "a.json");

        Assert.Equal(("agr-7", 4L, "County Sheriff"), (agreement.AgreementId, agreement.Version, agreement.Agency));
        Assert.Equal(["amber_alert", "stolen_vehicle"], agreement.AllowedCategories.Order(StringComparer.Ordinal));
        Assert.Equal(new RetentionDays(3, 60, 14), agreement.Retention);
        var again = AgreementPayload.Read(AgreementPayload.Write(agreement), "written");
        // Written back, the footage terms are explicit: the signed text says what the box applies.
        Assert.Equal(agreement with { AllowedCategories = again.AllowedCategories, Footage = FootageTerms.Default }, again);
    }

    [Fact]
    public void Footage_Terms_Are_Optional_Field_By_Field_And_Default_To_72_Hours_12_Hour_Windows_A_Week()
    {
        Assert.Equal(new FootageTerms(72, 12, 7), AgreementPayload.Read(Encoding.UTF8.GetBytes(Valid), "a.json").FootageTerms);

        var agreement = AgreementPayload.Read(Encoding.UTF8.GetBytes(WithFootage("\"recording_hours\":48,\"max_window_hours\":4")), "a.json");

        Assert.Equal(new FootageTerms(48, 4, 7), agreement.FootageTerms);
        Assert.Equal(agreement.FootageTerms, AgreementPayload.Read(AgreementPayload.Write(agreement), "written").FootageTerms);
    }

    [Theory]
    [InlineData("\"recording_hours\":0", "footage.recording_hours: '0' — expected whole hours from 1 to 8760")]
    [InlineData("\"max_window_hours\":169", "footage.max_window_hours: '169' — expected whole hours from 1 to 168")]
    [InlineData("\"answer_within_days\":\"7\"", "footage.answer_within_days: '\"7\"' — expected whole days from 1 to 90")]
    [InlineData("\"max_window\":12", "footage.max_window: unknown field; expected recording_hours, max_window_hours, answer_within_days")]
    public void Each_Footage_Mistake_Names_Its_Field(string fields, string expected)
    {
        var e = Assert.Throws<AgreementFormatException>(() => AgreementPayload.Read(Encoding.UTF8.GetBytes(WithFootage(fields)), "agreement.json"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static string WithFootage(string fields) =>
        Valid.Replace("\"valid_until\":\"2027-01-01T00:00:00Z\"", $"\"valid_until\":\"2027-01-01T00:00:00Z\",\"footage\":{{{fields}}}", StringComparison.Ordinal);

    [Theory]
    [InlineData("\"version\":4", "\"version\":0", "version: '0' — expected a whole number above 0")]
    [InlineData("\"sharing_policy\":\"all_reads\"", "\"sharing_policy\":\"everything\"", "sharing_policy: '\"everything\"' — expected 'hits_only' or 'all_reads'")]
    [InlineData("\"amber_alert\"", "\"parking\"", "allowed_categories[1]: \"parking\" — expected one of")]
    [InlineData("\"reads\":3", "\"reads\":-1", "retention_days.reads: '-1' — expected whole days from 0 to 3650")]
    [InlineData("\"valid_until\":\"2027-01-01T00:00:00Z\"", "\"valid_until\":\"2025-01-01T00:00:00Z\"", "valid_until: '2025-01-01T00:00:00Z' — expected a time after valid_from")]
    [InlineData("\"valid_from\":\"2026-01-01T00:00:00Z\"", "\"valid_from\":\"2026-01-01\"", "valid_from: '\"2026-01-01\"' — expected an ISO 8601 time with offset")]
    [InlineData("\"agency\":\"County Sheriff\"", "\"agency\":\"County Sheriff\",\"agnecy\":1", "agnecy: unknown field")]
    public void Each_Mistake_Names_Its_Field(string good, string bad, string expected)
    {
        var e = Assert.Throws<AgreementFormatException>(() => AgreementPayload.Read(Encoding.UTF8.GetBytes(Valid.Replace(good, bad, StringComparison.Ordinal)), "agreement.json"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("agreement agreement.json is not valid:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Test_Agreement_Round_Trips()
    {
        var agreement = TestAgency.Agreement(2, "bolo");

        Assert.True(AgreementPayload.Read(AgreementPayload.Write(agreement), "x").Allows("bolo"));
    }
}
