using EdgeIngest.Outbox;
using EdgeIngest.Pipeline;
using EdgeIngest.Records;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;
using EdgeIngest.Tests.Records;

namespace EdgeIngest.Tests.Clips;

/// <summary>A hit's cut clip is kept on the box as its evidence (an MP4 under the hit's time), a covert hit's is not, and both go to the agency.</summary>
public sealed class HitClipEvidenceTests(RecordingCameraFixture camera) : IClassFixture<RecordingCameraFixture>, IDisposable
{
    private readonly OutboxFolder _outboxFolder = new();
    private readonly RecordsFolder _recordsFolder = new();

    [Fact]
    public async Task The_Clip_Is_Stored_As_Clip_Evidence_Of_The_Hit_Unless_Covert_And_Purged_At_The_Evidence_Retention()
    {
        await camera.RingHoldsAsync(TimeSpan.FromSeconds(camera.Options.PreRollSeconds));
        using var outbox = _outboxFolder.Open(chunkBytes: 64 * 1024);
        using var store = _recordsFolder.Open();
        var read = DateTimeOffset.UtcNow;
        var (kept, covert) = (Guid.CreateVersion7().ToString(), Guid.CreateVersion7().ToString());
        foreach (var id in new[] { kept, covert })
        {
            outbox.Enqueue(OutboxFolder.Hit(1) with { EventId = id }, new ClipPromise(id, RecordingCameraFixture.CameraId, read.AddSeconds(-camera.Options.PreRollSeconds), read.AddSeconds(camera.Options.PostRollSeconds), read));
        }

        await using (var sender = new HitClipSender(camera.Cutter, outbox, _outboxFolder.Logs.CreateLogger("clips"), store))
        {
            sender.Start();
            sender.Request(new HitClipRequest(kept, RecordingCameraFixture.CameraId, read, KeepOnBox: true));
            sender.Request(new HitClipRequest(covert, RecordingCameraFixture.CameraId, read, KeepOnBox: false));
            await Eventually.HoldsAsync(
                () => outbox.OpenClipPromises().Count == 0 && store.EvidenceFileOf(kept, RecordStore.ClipKind) is not null,
                TimeSpan.FromSeconds(camera.Options.PostRollSeconds + 30),
                () => $"the clips were not both sent and kept; log:\n{string.Join('\n', _outboxFolder.Logs.Lines)}");
            await sender.StopAsync();
        }

        var file = store.EvidenceFileOf(kept, RecordStore.ClipKind)!;
        Assert.EndsWith($"_{kept}_clip.mp4", file, StringComparison.Ordinal);
        Assert.StartsWith($"evidence/{read.UtcDateTime:yyyy-MM-dd}/", Path.GetRelativePath(store.Folder, file), StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("ftyp"u8.ToArray(), bytes.AsSpan(4, 4).ToArray());
        Assert.Null(store.EvidenceFileOf(covert, RecordStore.ClipKind));
        var sent = OutboxFolder.DrainAll(outbox);
        Assert.Equal(2, sent.Where(m => m.Topic.Contains("/clips/", StringComparison.Ordinal)).Select(m => m.EventId).Distinct().Count());

        store.Purge(new Agreements.RetentionDays(30, 30, 1), read.AddDays(1).AddMinutes(1));
        Assert.Null(store.EvidenceFileOf(kept, RecordStore.ClipKind));
        Assert.False(File.Exists(file), "the clip outlived its evidence retention");
    }

    public void Dispose()
    {
        _outboxFolder.Dispose();
        _recordsFolder.Dispose();
    }
}
