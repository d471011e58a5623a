using System.Globalization;
using System.Security.Cryptography;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Receiving;

/// <summary>Clips as a manifest and numbered chunks, in any order, verified before they are kept.</summary>
public sealed class ReceiverClipTests(AgencyPki pki)
{
    private const int ChunkBytes = 64 * 1024;

    [Fact]
    public async Task A_Clip_Sent_As_Chunks_Out_Of_Order_Before_Its_Manifest_Is_Reassembled_Byte_For_Byte()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var (eventId, clip) = NewClip(5 * ChunkBytes + 1234);

        foreach (var index in new[] { 4, 1, 5 })
        {
            await SendChunkAsync(device, eventId, clip, index);
        }

        await SendManifestAsync(device, eventId, clip, SHA256.HashData(clip));
        foreach (var index in new[] { 0, 3, 2 })
        {
            await SendChunkAsync(device, eventId, clip, index);
        }

        await receiver.WaitUntilAsync(c => c.Clips == 1);

        Assert.Equal(clip, File.ReadAllBytes(Path.Combine(receiver.Output, "clips", "dev-a", $"{eventId}.mp4")));
        var line = Assert.Single(receiver.PrintedLines);
        Assert.Contains($"CLIP dev-a  event {eventId}", line, StringComparison.Ordinal);
        Assert.Contains("sha256 verified", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(receiver.Output, ".partial", "clips", "dev-a", eventId)));
    }

    [Fact]
    public async Task A_Clip_With_A_Corrupted_Chunk_Is_Rejected_And_Not_Kept_As_A_Clip()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var (eventId, clip) = NewClip(3 * ChunkBytes);
        var digest = SHA256.HashData(clip);

        clip[ChunkBytes + 17] ^= 0xFF; // one flipped byte in chunk 1, same length
        await SendManifestAsync(device, eventId, clip, digest);
        for (var index = 0; index < 3; index++)
        {
            await SendChunkAsync(device, eventId, clip, index);
        }

        await receiver.WaitUntilAsync(c => c.RejectedClips == 1);

        Assert.False(File.Exists(Path.Combine(receiver.Output, "clips", "dev-a", $"{eventId}.mp4")));
        Assert.Empty(Directory.GetFiles(Path.Combine(receiver.Output, "clips", "dev-a")));
        var rejection = Assert.Single(receiver.Logs, line => line.EventId == 814);
        Assert.Contains($"does not match the manifest's {Convert.ToHexStringLower(digest)}", rejection.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.PrintedLines);
        Assert.Equal(0, receiver.Counters.Clips);
    }

    [Fact]
    public async Task A_Clip_Interrupted_By_A_Receiver_Restart_Is_Completed_After_It()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out"));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var (eventId, clip) = NewClip((2 * ChunkBytes) + 99);
        var partial = Path.Combine(config.OutputDirectory, ".partial", "clips", "dev-a", eventId);
        await using (var first = await RunningReceiver.StartAsync(config))
        {
            await SendManifestAsync(device, eventId, clip, SHA256.HashData(clip));
            await SendChunkAsync(device, eventId, clip, 2);
            await SendChunkAsync(device, eventId, clip, 0);
            await Infrastructure.Eventually.HoldsAsync(() => Directory.Exists(partial) && Directory.GetFiles(partial).Length == 3, TimeSpan.FromSeconds(10), first.Describe);
        }

        await using var second = await RunningReceiver.StartAsync(config);
        await SendChunkAsync(device, eventId, clip, 1);
        await second.WaitUntilAsync(c => c.Clips == 1);

        Assert.Equal(clip, File.ReadAllBytes(Path.Combine(config.OutputDirectory, "clips", "dev-a", $"{eventId}.mp4")));
    }

    private static (string EventId, byte[] Clip) NewClip(int length)
    {
        var clip = new byte[length];
        new Random(length).NextBytes(clip);
        return (Guid.CreateVersion7().ToString(), clip);
    }

    private static Task SendManifestAsync(IMqttClient device, string eventId, byte[] clip, byte[] sha256) =>
        device.PublishAsync($"edgeingest/dev-a/clips/{eventId}/manifest",
            DevicePayloads.ClipManifest(AgencyPki.DeviceA, eventId, clip.Length, ChunkBytes, Convert.ToHexStringLower(sha256)));

    private static Task SendChunkAsync(IMqttClient device, string eventId, byte[] clip, int index)
    {
        var start = index * ChunkBytes;
        var chunk = clip[start..Math.Min(start + ChunkBytes, clip.Length)];
        return device.PublishAsync(string.Create(CultureInfo.InvariantCulture, $"edgeingest/dev-a/clips/{eventId}/chunks/{index}"), chunk);
    }
}
