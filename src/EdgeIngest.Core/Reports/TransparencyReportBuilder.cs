using System.Globalization;
using EdgeIngest.Audit;
using EdgeIngest.Records;

namespace EdgeIngest.Reports;

/// <summary>Builds a <see cref="TransparencyReport"/> from the local store's day counters and the audit log (verified as it is read).</summary>
public static class TransparencyReportBuilder
{
    /// <param name="store">The local store; null when the box has none yet (every figure is then 0).</param>
    public static TransparencyReport Build(string deviceId, RecordStore? store, AuditPaths audit, int days, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var from = to.AddDays(-(days - 1));
        var counts = store?.DailyCounts(from, to) ?? [];
        var records = AuditReader.ReadRecords(audit).ToList();
        var perDay = new List<DayReport>(days);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            perDay.Add(DayOf(day, counts, records));
        }

        var cameras = counts.Where(c => c.Counter == DailyCounters.VehiclesRead).Select(c => c.Detail).Distinct().Order(StringComparer.Ordinal).ToList();
        var contents = store?.Contents() ?? new StoreContents(0, 0, 0, 0);
        return new TransparencyReport(
            TransparencyReport.SchemaV1,
            deviceId,
            now,
            days,
            from,
            to,
            cameras,
            perDay,
            HotlistVersions(records, from),
            Agreement(records, now),
            records.LastOrDefault(r => r.Kind == AuditKinds.Purge)?.Field(AuditFields.RetentionDays),
            new HeldNowReport(contents.Reads, contents.Hits, contents.EvidenceFiles, contents.EvidenceBytes),
            Chain(AuditVerifier.Verify(audit)));
    }

    private static DayReport DayOf(DateOnly day, IReadOnlyList<DailyCount> counts, List<AuditRecord> records)
    {
        var today = counts.Where(c => c.Day == day).ToList();
        long Sum(string counter) => today.Where(c => c.Counter == counter).Sum(c => c.Value);
        return new DayReport(
            day,
            Sum(DailyCounters.VehiclesRead),
            Sum(DailyCounters.Hits),
            [.. today.Where(c => c.Counter == DailyCounters.Hits).Select(c => new HitCount(c.Category, c.Detail, c.Value))],
            Sum(DailyCounters.Disclosures),
            Sum(DailyCounters.Withheld),
            [.. today.Where(c => c.Counter == DailyCounters.Withheld).Select(c => new WithheldCount(c.Category, c.Detail, c.Value))],
            Sum(DailyCounters.PurgedReads),
            Sum(DailyCounters.PurgedHits),
            Sum(DailyCounters.PurgedEvidence),
            Footage(records.Where(r => r.AtTime is { } at && DateOnly.FromDateTime(at.UtcDateTime) == day)));
    }

    /// <summary>Footage requests by outcome, from the audit records of the steps (the audit is their record on the box).</summary>
    private static FootageCounts Footage(IEnumerable<AuditRecord> records)
    {
        long received = 0, refused = 0, approved = 0, declined = 0, expired = 0, delivered = 0, failed = 0, bytes = 0;
        foreach (var record in records)
        {
            switch (record.Kind)
            {
                case AuditKinds.FootageReceived: received++; break;
                case AuditKinds.FootageRefused: refused++; break;
                case AuditKinds.FootageApproved: approved++; break;
                case AuditKinds.FootageDeclined: declined++; break;
                case AuditKinds.FootageExpired: expired++; break;
                case AuditKinds.FootageFailed: failed++; break;
                case AuditKinds.FootageDelivered:
                    delivered++;
                    bytes += long.TryParse(record.Field(AuditFields.FootageBytes), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0;
                    break;
            }
        }

        return new FootageCounts(received, refused, approved, declined, expired, delivered, failed, bytes);
    }

    /// <summary>The version in force when the span began (if any), then every version accepted within it.</summary>
    private static List<HotlistVersionReport> HotlistVersions(List<AuditRecord> records, DateOnly from)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var accepted = records.Where(r => r.Kind == AuditKinds.HotlistAccepted).ToList();
        var before = accepted.LastOrDefault(r => r.AtTime is { } at && at < start);
        return [.. accepted.Where(r => r == before || r.AtTime is not { } at || at >= start)
            .Select(r => new HotlistVersionReport(r.Field(AuditFields.Version) ?? "?", r.AtTime, r.Field(AuditFields.Entries)))];
    }

    private static AgreementReport? Agreement(List<AuditRecord> records, DateTimeOffset now)
    {
        var last = records.LastOrDefault(r => r.Kind == AuditKinds.AgreementAccepted);
        if (last is null)
        {
            return null;
        }

        var validFrom = last.Field(AuditFields.ValidFrom);
        var validUntil = last.Field(AuditFields.ValidUntil);
        var state = Parse(validUntil) is { } until && until < now ? "expired"
            : Parse(validFrom) is { } start && start > now ? "not_yet_valid"
            : "in_force";
        return new AgreementReport(
            last.Field(AuditFields.AgreementId) ?? "?",
            last.Field(AuditFields.Version) ?? "?",
            last.Field(AuditFields.Agency),
            last.Field(AuditFields.SharingPolicy),
            last.Field(AuditFields.AllowedCategories),
            last.Field(AuditFields.RetentionDays),
            validFrom,
            validUntil,
            last.AtTime,
            state);
    }

    private static AuditChainReport Chain(AuditVerification verification) => new(
        verification.Intact,
        verification.Records,
        verification.Head.Seq,
        verification.Head.Hash,
        verification.FirstBreak?.Seq,
        verification.FirstBreak?.Line,
        verification.FirstBreak?.Problem);

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
