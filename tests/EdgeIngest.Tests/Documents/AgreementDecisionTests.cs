using EdgeIngest.Agreements;
using EdgeIngest.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Documents;

/// <summary>What the agreement in force lets a hit do (the hit path asks <see cref="AgreementHolder.Decide"/>).</summary>
public sealed class AgreementDecisionTests
{
    private static readonly DateTimeOffset InForce = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_An_Agreement_The_Local_Policy_Governs_Every_Category()
    {
        var holder = new AgreementHolder(null, SharingPolicy.AllReads, AgreementHolder.DefaultLocalRetention);

        var decision = holder.Decide("bolo", InForce);

        Assert.Equal(new AgreementDecision(true, null, SharingPolicy.AllReads, true, new RetentionDays(7, 90, 30), null, null), decision);
        Assert.StartsWith("no signed agreement: local policy", holder.Describe(InForce), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Category_Outside_The_Allow_List_Is_Withheld()
    {
        var holder = Holding(TestAgency.Agreement(2, "stolen_vehicle", "amber_alert"), SharingPolicy.HitsOnly);

        Assert.True(holder.Decide("amber_alert", InForce).Allowed);
        var refused = holder.Decide("bolo", InForce);
        Assert.False(refused.Allowed);
        Assert.Equal(WithheldReasons.CategoryNotAllowed, refused.WithheldReason);
        Assert.Equal(("agr-test", 2L), (refused.AgreementId, refused.AgreementVersion));
    }

    [Theory]
    [InlineData("2025-12-31T23:59:59Z", WithheldReasons.AgreementNotYetValid)]
    [InlineData("2099-01-01T00:00:00Z", WithheldReasons.AgreementExpired)]
    public void Outside_Its_Validity_Nothing_Is_Sent(string at, string reason)
    {
        var holder = Holding(TestAgency.Agreement(2) with { Policy = SharingPolicy.AllReads }, SharingPolicy.AllReads);

        var decision = holder.Decide("stolen_vehicle", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(decision.Allowed);
        Assert.False(decision.SendsReads);
        Assert.Equal(reason, decision.WithheldReason);
        Assert.Contains("nothing is sent", holder.Describe(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SharingPolicy.AllReads, SharingPolicy.HitsOnly, SharingPolicy.HitsOnly)]
    [InlineData(SharingPolicy.HitsOnly, SharingPolicy.AllReads, SharingPolicy.HitsOnly)]
    [InlineData(SharingPolicy.AllReads, SharingPolicy.AllReads, SharingPolicy.AllReads)]
    public void The_Local_Policy_May_Only_Narrow_The_Agreements(SharingPolicy agreed, SharingPolicy local, SharingPolicy effective)
    {
        var holder = Holding(TestAgency.Agreement(2) with { Policy = agreed }, local);

        var decision = holder.Decide("stolen_vehicle", InForce);

        Assert.Equal(effective, decision.Policy);
        Assert.Equal(effective == SharingPolicy.AllReads, decision.SendsReads);
        Assert.Equal(new RetentionDays(7, 90, 30), decision.Retention);
    }

    [Fact]
    public void Only_A_Newer_Version_Replaces_The_Agreement()
    {
        var holder = Holding(TestAgency.Agreement(2), SharingPolicy.HitsOnly);

        Assert.False(holder.TryReplace(new VersionedAgreement(TestAgency.Agreement(2, "bolo"), "same")));
        Assert.True(holder.TryReplace(new VersionedAgreement(TestAgency.Agreement(3, "bolo"), "newer")));
        Assert.True(holder.Decide("bolo", InForce).Allowed);
    }

    private static AgreementHolder Holding(SharingAgreement agreement, SharingPolicy local) =>
        new(new VersionedAgreement(agreement, "test"), local, AgreementHolder.DefaultLocalRetention);
}
