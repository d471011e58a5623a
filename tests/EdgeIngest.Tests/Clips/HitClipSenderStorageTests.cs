using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Pipeline;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Clips;

/// <summary>A hit's clip that the outbox cannot store (its file cannot grow, as on a full disk): the hit stays, the clip is reported dropped.</summary>
public sealed class HitClipSenderStorageTests(RecordingCameraFixture camera) : IClassFixture<RecordingCameraFixture>, IDisposable
{
    private readonly OutboxFolder _folder = new();

    [Fact]
    public async Task A_Clip_The_Full_Disk_Cannot_Hold_Is_Reported_Dropped_As_Storage_Failed_And_The_Hit_Is_Kept()
    {
        await camera.RingHoldsAsync(TimeSpan.FromSeconds(camera.Options.PreRollSeconds));
        using var outbox = _folder.Open(chunkBytes: 64 * 1024);
        var read = DateTimeOffset.UtcNow;
        var hit = OutboxFolder.Hit(1) with { EventId = Guid.CreateVersion7().ToString() };
        outbox.Enqueue(hit, new ClipPromise(hit.EventId, RecordingCameraFixture.CameraId, read.AddSeconds(-camera.Options.PreRollSeconds), read.AddSeconds(camera.Options.PostRollSeconds), read));

        // Room for a drop report (a few hundred bytes), none for a clip of tens of kilobytes.
        outbox.LimitGrowthForTests(pages: 3);
        await using var sender = new HitClipSender(camera.Cutter, outbox, _folder.Logs.CreateLogger("clips"));
        sender.Start();
        sender.Request(new HitClipRequest(hit.EventId, RecordingCameraFixture.CameraId, read));
        await Eventually.HoldsAsync(
            () => outbox.OpenClipPromises().Count == 0,
            TimeSpan.FromSeconds(camera.Options.PostRollSeconds + 30),
            () => $"the promise is still open; log:\n{string.Join('\n', _folder.Logs.Lines)}");
        await sender.StopAsync();

        var sent = OutboxFolder.DrainAll(outbox);
        Assert.Contains(sent, m => m.Topic == OutboxFolder.Topics.Hits && m.EventId == hit.EventId);
        Assert.DoesNotContain(sent, m => m.Topic.Contains("/clips/", StringComparison.Ordinal));
        var drop = JsonSerializer.Deserialize(Assert.Single(sent, m => m.Topic == OutboxFolder.Topics.Drops).Payload, EventJsonContext.Default.DropEvent)!;
        Assert.Equal((hit.EventId, ClipDropReason.StorageFailed), (drop.EventId, drop.ReasonCode));
        Assert.Contains("could not be stored", drop.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
