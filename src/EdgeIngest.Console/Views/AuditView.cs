using EdgeIngest.Audit;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.WebConsole.Views;

/// <summary>The newest audit records in plain words (newest first) and, after Verify, what the verifier found.</summary>
internal sealed record AuditView(long Records, string Head, IReadOnlyList<(string When, string Text)> Newest, AuditVerification? Verification)
{
    public const int Shown = 50;

    public static AuditView Of(ConsoleSite site, AuditVerification? verification)
    {
        var audit = site.Appliance.Records.Audit;
        var newest = AuditReader.ReadRecords(site.AuditPaths).TakeLast(Shown).Reverse()
            .Select(r => (AuditText.When(r), Sentence(r)))
            .ToList();
        return new AuditView(audit.Count, audit.Checkpoint.ToString(), newest, verification);
    }

    /// <summary>
    /// Verifies the whole chain. The log is live: a check that races an append may see its line
    /// half written, so a break is checked once more before it is reported.
    /// </summary>
    public static AuditVerification Verify(ConsoleSite site)
    {
        var first = AuditVerifier.Verify(site.AuditPaths);
        if (first.Intact)
        {
            return first;
        }

        Thread.Sleep(200);
        return AuditVerifier.Verify(site.AuditPaths);
    }

    private static string Sentence(AuditRecord record)
    {
        // AuditText starts with the time and seq; the page shows the time on its own line.
        var text = AuditText.Describe(record);
        var when = AuditText.When(record);
        return text.StartsWith(when, StringComparison.Ordinal) ? text[when.Length..].TrimStart() : text;
    }
}
