using EdgeIngest.Agreements;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.WebConsole.Views;

/// <summary>The rules in force, written for a person: with whom, what, which categories, how long, until when.</summary>
internal sealed record AgreementView(
    bool Signed,
    string Summary,
    string? Agency,
    string? Identity,
    string Shared,
    IReadOnlyList<string>? Categories,
    string Retention,
    string? Validity,
    string? Source)
{
    public static AgreementView Of(ConsoleSite site)
    {
        var holder = site.Appliance.Agreements;
        var now = DateTimeOffset.UtcNow;
        if (holder.Current is not { Agreement: var a } current)
        {
            return new AgreementView(
                false,
                holder.Describe(now),
                null,
                null,
                PlainWords.Policy(holder.LocalPolicy),
                null,
                PlainWords.Retention(holder.LocalRetention),
                null,
                null);
        }

        var validity = now < a.ValidFrom ? $"Not yet in force: valid from {PlainWords.Time(a.ValidFrom)}. Until then nothing is sent."
            : now >= a.ValidUntil ? $"Expired at {PlainWords.Time(a.ValidUntil)}. Nothing is sent until the agency signs a new one."
            : $"In force from {PlainWords.Time(a.ValidFrom)} until {PlainWords.Time(a.ValidUntil)}.";
        return new AgreementView(
            true,
            holder.Describe(now),
            a.Agency,
            $"{a.AgreementId}, version {a.Version}",
            PlainWords.Policy(a.Policy),
            [.. a.AllowedCategories.Order(StringComparer.Ordinal).Select(PlainWords.Category)],
            PlainWords.Retention(a.Retention),
            validity,
            current.Source);
    }
}
