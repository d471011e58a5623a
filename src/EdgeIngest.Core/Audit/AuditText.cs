using System.Globalization;
using System.Text;

namespace EdgeIngest.Audit;

/// <summary>
/// An audit record in plain words for the property owner (<c>audit show</c>): one sentence per
/// kind from the fields it knows, then any other field as <c>name: value</c>, so nothing recorded is hidden.
/// </summary>
public static class AuditText
{
    /// <summary>
    /// <c>2026-11-21 07:00:30 UTC  #12  Sent hit … to …</c>; the time as recorded, the seq, the sentence.
    /// </summary>
    public static string Describe(AuditRecord record)
    {
        var fields = new FieldTaker(record.Fields);
        var sentence = record.Kind switch
        {
            AuditKinds.Disclosure => Disclosure(fields),
            AuditKinds.HotlistAccepted => $"Accepted the hotlist, version {fields.Take(AuditFields.Version) ?? "?"}{Optional(" with {0} entries", fields.Take(AuditFields.Entries))}.",
            AuditKinds.HotlistRejected => $"Rejected a hotlist{Optional(" (version {0})", fields.Take(AuditFields.Version))}: {fields.Take(AuditFields.Reason) ?? "no reason given"}{Optional(" — {0}", fields.Take(AuditFields.Message))}.",
            AuditKinds.AgreementAccepted => Agreement(fields),
            AuditKinds.AgreementRejected => $"Rejected a data-sharing agreement{Optional(" (version {0})", fields.Take(AuditFields.Version))}: {fields.Take(AuditFields.Reason) ?? "no reason given"}{Optional(" — {0}", fields.Take(AuditFields.Message))}.",
            AuditKinds.ConfigChanged => $"The configuration file{Optional(" {0}", fields.Take(AuditFields.ConfigFile))} changed since it was last recorded (fingerprint {Short(fields.Take(AuditFields.OldSha256))} → {Short(fields.Take(AuditFields.NewSha256))}){Optional("; changed: {0}", fields.Take(AuditFields.ChangedKeys))}.",
            AuditKinds.Purge => $"Deleted what was past its retention: {fields.Take(AuditFields.Reads) ?? "0"} reads, {fields.Take(AuditFields.Hits) ?? "0"} hits, {fields.Take(AuditFields.EvidenceFiles) ?? "0"} evidence files{Optional(" ({0} bytes)", fields.Take(AuditFields.EvidenceBytes))}{Optional("; retention in days: {0}", fields.Take(AuditFields.RetentionDays))}.",
            AuditKinds.ServiceStarted => $"The service started{Optional(" (version {0})", fields.Take(AuditFields.SoftwareVersion))}{Optional("; configuration fingerprint {0}", Short(fields.Take(AuditFields.ConfigSha256), null))}.",
            AuditKinds.ServiceStopped => $"The service stopped{Optional(" after {0} s", fields.Take(AuditFields.UptimeSeconds))}.",
            AuditKinds.ChainBroken => $"THE BOX FOUND ITS AUDIT CHAIN BROKEN when it opened the log: record {fields.Take(AuditFields.FirstBadSeq) ?? "?"} (line {fields.Take(AuditFields.FirstBadLine) ?? "?"}): {fields.Take(AuditFields.Problem) ?? "?"}. It went on recording after {fields.Take(AuditFields.ContinuedFrom) ?? "?"}.",
            AuditKinds.ConsoleLogin => $"The owner signed in to the web console{Optional(" from {0}", fields.Take(AuditFields.RemoteAddress))}.",
            AuditKinds.ConsoleLoginFailed => $"A wrong password was given to the web console{Optional(" from {0}", fields.Take(AuditFields.RemoteAddress))}{Optional(" ({0} in a row)", fields.Take(AuditFields.Failures))}.",
            AuditKinds.ConsoleLockout => $"The web console's login was locked after too many wrong passwords{Optional(" from {0}", fields.Take(AuditFields.RemoteAddress))}{Optional(", until {0}", fields.Take(AuditFields.LockedUntil))}.",
            AuditKinds.ConsolePasswordSet => $"The web console's password was {(fields.Take(AuditFields.How) == "first_run" ? "set for the first time" : "changed")}{Optional(" from {0}", fields.Take(AuditFields.RemoteAddress))}.",
            AuditKinds.ConsoleEnrollmentApplied => $"An enrollment bundle was applied from the web console{Optional(" from {0}", fields.Take(AuditFields.RemoteAddress))}: device {fields.Take(AuditFields.DeviceId) ?? "?"}{Optional(", broker {0}", fields.Take(AuditFields.Broker))}{Optional(", certificate valid until {0}", fields.Take(AuditFields.CertificateExpires))}{Optional(", agreement version {0}", fields.Take(AuditFields.AgreementVersion))} (in force after the service restarts).",
            AuditKinds.RecordingPurged => RecordingPurged(fields),
            _ when record.Kind.StartsWith("footage_", StringComparison.Ordinal) => Footage(record.Kind, fields),
            _ => $"{record.Kind}.",
        };

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{When(record)}  #{record.Seq}  {sentence}");
        var rest = fields.Rest();
        if (rest.Count > 0)
        {
            text.Append(" [").AppendJoin(", ", rest.Select(f => $"{f.Key}: {f.Value}")).Append(']');
        }

        return text.ToString();
    }

    /// <summary>The record's time as <c>yyyy-MM-dd HH:mm:ss UTC</c>, or as written when it is not a time.</summary>
    public static string When(AuditRecord record) =>
        record.AtTime is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : record.At;

    private static string Disclosure(FieldTaker fields)
    {
        var what = fields.Take(AuditFields.What) ?? "event";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Sent {what} {fields.Take(AuditFields.EventId) ?? "?"}");
        text.Append(Optional(" of hit {0}", fields.Take(AuditFields.Corrects)));
        text.Append(CultureInfo.InvariantCulture, $" to {fields.Take(AuditFields.Agency) ?? "the agency"}");
        if (fields.Take(AuditFields.Plate) is { } plate)
        {
            text.Append(CultureInfo.InvariantCulture, $": plate {plate}");
        }

        if (fields.Take(AuditFields.ListedPlate) is { } listed)
        {
            var kind = fields.Take(AuditFields.MatchKind) is { } k ? $"{k.Replace('_', '-')} match" : "match";
            text.Append(CultureInfo.InvariantCulture, $" matched the listed plate {listed} ({fields.Take(AuditFields.Category) ?? "no category"}, {kind})");
        }

        text.Append(Optional(" on camera {0}", fields.Take(AuditFields.CameraId)));
        text.Append(Optional("; hotlist version {0}", fields.Take(AuditFields.HotlistVersion)));
        text.Append(Optional("; agreement version {0}", fields.Take(AuditFields.AgreementVersion)));
        return text.Append('.').ToString();
    }

    /// <summary>A step of a footage request, naming the request and its case first.</summary>
    private static string Footage(string kind, FieldTaker fields)
    {
        var request = $"footage request {fields.Take(AuditFields.RequestId) ?? "?"}{Optional(" (case {0})", fields.Take(AuditFields.CaseNumber))}";
        var by = Optional(" ({0})", fields.Take(AuditFields.AnsweredBy));
        var sizes = $"{fields.Take(AuditFields.FootageParts) ?? "?"} parts, {fields.Take(AuditFields.FootageBytes) ?? "?"} bytes";
        return kind switch
        {
            AuditKinds.FootageReceived =>
                $"Received {request}{Optional(" for {0}", fields.Take(AuditFields.ReasonCode))}{Optional(" from {0}", fields.Take(AuditFields.Officer))}"
                + $"{Optional(": cameras {0}", fields.Take(AuditFields.FootageCameras))}{Optional(", {0}", fields.Take(AuditFields.RequestedFrom))}{Optional(" to {0}", fields.Take(AuditFields.RequestedTo))}"
                + $"{Optional("; it waits for the owner's answer until {0}", fields.Take(AuditFields.ExpiresAt))}.",
            AuditKinds.FootageRefused => $"Refused {request}: {fields.Take(AuditFields.Reason) ?? "no reason given"}.",
            AuditKinds.FootageApproved =>
                $"The owner{by} approved {request}{Optional(": cameras {0}", fields.Take(AuditFields.FootageCameras))}"
                + $"{Optional(", {0}", fields.Take(AuditFields.ApprovedFrom))}{Optional(" to {0}", fields.Take(AuditFields.ApprovedTo))}"
                + $"{Optional(" (asked: {0}", fields.Take(AuditFields.RequestedFrom))}{Optional(" to {0})", fields.Take(AuditFields.RequestedTo))}.",
            AuditKinds.FootageDeclined => $"The owner{by} declined {request}: {fields.Take(AuditFields.Reason) ?? "no reason given"}.",
            AuditKinds.FootageExpired => $"{Capital(request)} expired: the owner did not answer{Optional(" by {0}", fields.Take(AuditFields.ExpiresAt))}.",
            AuditKinds.FootageSent => $"Stored every part of {request} for sending to the agency: {sizes}.",
            AuditKinds.FootageDelivered => $"The agency confirmed it received all of {request}: {sizes}.",
            AuditKinds.FootageFailed => $"Could not send {request}: {fields.Take(AuditFields.Reason) ?? "no reason given"}.",
            _ => $"{kind}: {request}.",
        };
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string RecordingPurged(FieldTaker fields) =>
        $"Deleted {fields.Take(AuditFields.Segments) ?? "?"} segments{Optional(" ({0} bytes)", fields.Take(AuditFields.Bytes))} of camera {fields.Take(AuditFields.CameraId) ?? "?"}'s recording"
        + Optional(", from {0}", fields.Take(AuditFields.SpanFrom))
        + Optional(" to {0}", fields.Take(AuditFields.SpanTo))
        + (fields.Take(AuditFields.Reason) == "disk_budget"
            ? $": the recording reached its disk budget{Optional(" of {0} bytes", fields.Take(AuditFields.MaxBytes))}"
            : $": past its retention{Optional(" of {0} hours", fields.Take(AuditFields.RetentionHours))}")
        + ".";

    private static string Agreement(FieldTaker fields) =>
        $"Accepted the data-sharing agreement {fields.Take(AuditFields.AgreementId) ?? "?"}, version {fields.Take(AuditFields.Version) ?? "?"}"
        + Optional(", with {0}", fields.Take(AuditFields.Agency))
        + Optional(": sharing policy {0}", fields.Take(AuditFields.SharingPolicy))
        + Optional("; categories that may produce a hit: {0}", fields.Take(AuditFields.AllowedCategories))
        + Optional("; kept on the box: {0} days", fields.Take(AuditFields.RetentionDays))
        + Optional("; valid from {0}", fields.Take(AuditFields.ValidFrom))
        + Optional(" until {0}", fields.Take(AuditFields.ValidUntil))
        + ".";

    private static string Optional(string format, string? value) =>
        value is null ? "" : string.Format(CultureInfo.InvariantCulture, format, value);

    private static string Short(string? sha256, string? missing = "?") =>
        sha256 is null ? missing! : sha256.Length > 12 ? sha256[..12] : sha256;

    /// <summary>Hands out fields by name and remembers which were used, so the rest can be listed.</summary>
    private sealed class FieldTaker(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        private readonly HashSet<int> _taken = [];

        public string? Take(string name)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Key == name && _taken.Add(i))
                {
                    return fields[i].Value;
                }
            }

            return null;
        }

        public List<KeyValuePair<string, string>> Rest() => [.. fields.Where((_, i) => !_taken.Contains(i))];
    }
}
