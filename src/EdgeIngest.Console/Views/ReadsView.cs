using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.WebConsole.Views;

/// <summary>The newest reads the box recorded, newest first, at most <see cref="Limit"/>.</summary>
internal sealed record ReadsView(IReadOnlyList<ReadRow> Rows)
{
    public const int Limit = 100;

    public static ReadsView Of(ConsoleSite site) =>
        new([.. site.Appliance.Records.Store.RecentReads(Limit).Select(read => new ReadRow(PlainWords.Instant(read.At), read.CameraId, read.Plate, read.Shared))]);
}
