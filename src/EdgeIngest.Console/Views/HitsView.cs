using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Records;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.WebConsole.Views;

/// <summary>The newest hits the box recorded (newest first, at most <see cref="Limit"/>), each with its plate snapshot and clip when the box still keeps them.</summary>
internal sealed record HitsView(IReadOnlyList<HitRow> Rows)
{
    public const int Limit = 100;

    public static HitsView Of(ConsoleSite site)
    {
        var store = site.Appliance.Records.Store;
        return new HitsView([.. store.RecentHits(Limit).Select(hit => RowOf(hit, store))]);
    }

    private static HitRow RowOf(RecordedHit hit, RecordStore store)
    {
        var covert = hit.Category == HitCommitter.CovertCategory;
        var exact = hit.MatchKind == MatchKind.Exact;
        return new HitRow(
            hit.EventId,
            PlainWords.Instant(hit.At),
            hit.CameraId,
            covert,
            covert ? "" : hit.Plate,
            covert ? "" : hit.ListedPlate,
            covert ? "" : PlainWords.Category(hit.Category),
            covert ? "" : PlainWords.MatchKind(hit.MatchKind),
            !covert && !exact,
            hit.Disclosed,
            hit.Disclosed ? "sent to the agency" : $"withheld: {PlainWords.Category(hit.WithheldReason ?? "no reason recorded")}",
            !covert && store.EvidenceFileOf(hit.EventId, EvidenceDownloads.PlateKind) is not null ? EvidenceDownloads.PlateUrl(hit.EventId) : null,
            !covert && store.EvidenceFileOf(hit.EventId, RecordStore.ClipKind) is not null ? EvidenceDownloads.ClipUrl(hit.EventId) : null);
    }
}
