using EdgeIngest.Audit;
using EdgeIngest.Cameras;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.WebConsole.Views;

/// <summary>Everything the Status page shows, read from the running appliance at the moment of asking.</summary>
internal sealed record StatusView(
    string DeviceId,
    IReadOnlyList<CameraRow> Cameras,
    long HotlistVersion,
    int HotlistEntries,
    string HotlistSince,
    string Rules,
    bool AgencyConnected,
    string Broker,
    long Reads,
    long Hits,
    long Withheld,
    long Delivered,
    long OutboxEvents,
    long OutboxClips,
    string OutboxBytes,
    string? OutboxOldest,
    string FreeDisk)
{
    public static StatusView Of(ConsoleSite site)
    {
        var appliance = site.Appliance;
        var now = DateTimeOffset.UtcNow;
        var live = appliance.CameraSet.Current;
        var cameras = new List<CameraRow>(live.Length);
        foreach (var camera in live)
        {
            var status = camera.Ingest.GetStatus();
            var worker = camera.Worker;
            var streaming = status.State == CameraState.Streaming;
            cameras.Add(new CameraRow(
                status.CameraId,
                status.RedactedUrl,
                PlainWords.State(status.State),
                streaming,
                !streaming && status.LastFailure is { } failure ? $"{PlainWords.Cause(failure.Cause)}: {failure.Message}" : null,
                status.FramesIn,
                worker.FramesAnalysed,
                worker.FramesSkippedStill,
                status.FramesDropped + worker.FramesSkippedBehind,
                status.Restarts,
                status.LastFrameAge is { } age ? PlainWords.Age(age) : "no frame yet",
                VehiclesRead(appliance.Router.ReadsOf(camera.Id), now),
                CameraFrames.FrameUrl(status.CameraId)));
        }

        var hotlist = appliance.Hotlists.Current;
        var backlog = appliance.Outbox.GetStatistics();
        return new StatusView(
            site.DeviceId,
            cameras,
            hotlist.Version,
            hotlist.Hotlist.Count,
            HotlistAcceptance(site, hotlist.Version, now),
            appliance.Agreements.Describe(now),
            appliance.Connection.IsConnected,
            $"{site.Config.Broker.Host}:{site.Config.Broker.Port}",
            appliance.Router.Reads,
            appliance.Router.Hits,
            appliance.Router.Withheld,
            appliance.Sender.Delivered,
            backlog.Events,
            backlog.ClipMessages,
            PlainWords.Bytes(backlog.Bytes),
            backlog.OldestCreatedAt is { } oldest ? PlainWords.Age(now - oldest) : null,
            PlainWords.Bytes(FreeBytes(site.Config.Storage.Directory)));
    }

    /// <summary>The hotlist's age: when the audit recorded this version's acceptance (a list from the configured file at start has none).</summary>
    private static string HotlistAcceptance(ConsoleSite site, long version, DateTimeOffset now)
    {
        var versionText = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var accepted = AuditReader.ReadRecords(site.AuditPaths)
            .LastOrDefault(r => r.Kind == AuditKinds.HotlistAccepted && r.Field(AuditFields.Version) == versionText);
        return accepted?.AtTime is { } at
            ? $"accepted {PlainWords.Time(at)} ({PlainWords.Age(now - at)})"
            : "loaded from the configured file (no acceptance recorded in the audit)";
    }

    private static string VehiclesRead(Hits.CameraReadCount count, DateTimeOffset now) =>
        count.LastAt is { } last ? $"{count.Reads} since start, the last {PlainWords.Age(now - last)}" : "none yet";

    private static long FreeBytes(string directory)
    {
        try
        {
            return new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return -1;
        }
    }
}
