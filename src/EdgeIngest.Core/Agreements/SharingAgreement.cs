using EdgeIngest.Configuration;

namespace EdgeIngest.Agreements;

/// <summary>
/// The data-sharing agreement between the property owner and the agency, in machine form, as the
/// agency signed it (payload schema <c>edgeingest.agreement/1</c>): who receives, which hotlist
/// categories may produce a hit here, what is shared, how long the box keeps what, and when the
/// agreement is in force. The box sends nothing outside it.
/// </summary>
public sealed record SharingAgreement(
    string AgreementId,
    long Version,
    string Agency,
    IReadOnlySet<string> AllowedCategories,
    SharingPolicy Policy,
    RetentionDays Retention,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    FootageTerms? Footage = null)
{
    public const string SchemaV1 = "edgeingest.agreement/1";

    /// <summary>The agreement's footage terms, or the defaults when it has none.</summary>
    public FootageTerms FootageTerms => Footage ?? FootageTerms.Default;

    public bool IsInForceAt(DateTimeOffset now) => now >= ValidFrom && now < ValidUntil;

    public bool Allows(string category) => AllowedCategories.Contains(category);
}
