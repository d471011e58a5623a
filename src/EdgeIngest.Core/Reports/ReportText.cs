using System.Globalization;
using System.Text;

namespace EdgeIngest.Reports;

/// <summary>The report in plain words, for a property owner to read.</summary>
public static class ReportText
{
    public static string Render(TransparencyReport report)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"Transparency report for device {report.DeviceId}");
        Line($"Last {report.Days} days: {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd} (days in UTC), made {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        Line($"Cameras that read vehicles in this time: {(report.Cameras.Count == 0 ? "none" : string.Join(", ", report.Cameras))}");
        text.AppendLine();

        var total = report.PerDay;
        Line($"In total: {total.Sum(d => d.VehiclesRead)} vehicles read, {total.Sum(d => d.Hits)} hotlist hits, {total.Sum(d => d.Disclosures)} events sent to the agency, {total.Sum(d => d.Withheld)} kept on the box by the agreement.");
        text.AppendLine();
        Line($"Per day:");
        Line($"  day         vehicles read  hits  sent  withheld  purged (reads, hits, evidence files)");
        foreach (var day in report.PerDay)
        {
            Line($"  {day.Day:yyyy-MM-dd}  {day.VehiclesRead,13}  {day.Hits,4}  {day.Disclosures,4}  {day.Withheld,8}  {day.PurgedReads}, {day.PurgedHits}, {day.PurgedEvidenceFiles}");
            foreach (var hit in day.HitsBy)
            {
                Line($"              hits: {hit.Count} {Words(hit.Category)}, {Words(hit.MatchKind)} match");
            }

            foreach (var withheld in day.WithheldBy)
            {
                Line($"              withheld: {withheld.Count} {Words(withheld.Category)} ({Words(withheld.Reason)})");
            }

            if (day.Footage.Any)
            {
                Line($"              footage requests: {Footage(day.Footage)}");
            }
        }

        var footage = report.PerDay.Aggregate(FootageCounts.None, (sum, day) => sum.Plus(day.Footage));
        text.AppendLine();
        Line($"Footage requests from the agency in this time: {Footage(footage)}.");

        text.AppendLine();
        if (report.HotlistVersions.Count == 0)
        {
            Line($"Hotlist: no hotlist version was accepted (the audit holds none).");
        }
        else
        {
            Line($"Hotlist versions in force in this time:");
            foreach (var version in report.HotlistVersions)
            {
                Line($"  version {version.Version}{(version.Entries is { } e ? $", {e} entries" : "")}, accepted {When(version.AcceptedAt)}");
            }
        }

        text.AppendLine();
        if (report.Agreement is not { } agreement)
        {
            Line($"Agreement: {TransparencyReport.NoAgreement} (the owner's configuration decides what is shared).");
        }
        else
        {
            var state = agreement.State switch
            {
                "expired" => "EXPIRED: nothing is sent until a new one is accepted",
                "not_yet_valid" => "NOT YET VALID: nothing is sent until it starts",
                _ => "in force",
            };
            Line($"Agreement: {agreement.AgreementId} version {agreement.Version} with {agreement.Agency ?? "?"}, {state}.");
            Line($"  sharing policy: {agreement.SharingPolicy ?? "?"}; categories that may produce a hit: {agreement.AllowedCategories ?? "?"}");
            Line($"  kept on the box (days): {agreement.RetentionDays ?? "?"}; valid from {agreement.ValidFrom ?? "?"} until {agreement.ValidUntil ?? "?"}; accepted {When(agreement.AcceptedAt)}");
        }

        if (report.RetentionDaysLastPurge is { } retention)
        {
            Line($"Retention the box last purged with (days): {retention}.");
        }

        var held = report.HeldNow;
        Line($"Held on the box now: {held.Reads} reads, {held.Hits} hits, {held.EvidenceFiles} evidence files ({held.EvidenceBytes} bytes).");
        text.AppendLine();
        var chain = report.AuditChain;
        if (chain.Intact)
        {
            Line($"Audit chain: intact, {chain.Records} records, head {chain.HeadSeq}:{chain.Head}.");
        }
        else
        {
            Line($"Audit chain: BROKEN at record {chain.FirstBadSeq}{(chain.FirstBadLine is > 0 ? $" (line {chain.FirstBadLine})" : "")}: {chain.Problem}");
            Line($"  {chain.Records} records, head {chain.HeadSeq}:{chain.Head}. Run `edgeingest audit verify` for details.");
        }

        return text.ToString();
    }

    private static string Words(string name) => name.Replace('_', ' ');

    private static string Footage(FootageCounts f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.Received} received, {f.Refused} refused at once, {f.Approved} approved, {f.Declined} declined, {f.Expired} expired unanswered, {f.Delivered} delivered ({f.BytesDelivered} bytes of video), {f.Failed} failed");

    private static string When(DateTimeOffset? at) =>
        at is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "at an unknown time";
}
