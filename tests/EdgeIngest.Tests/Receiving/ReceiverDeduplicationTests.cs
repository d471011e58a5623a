using System.Text.Json;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Receiving;

/// <summary>At-least-once delivery meets a receiver that stores and prints every hit exactly once.</summary>
public sealed class ReceiverDeduplicationTests(AgencyPki pki)
{
    [Fact]
    public async Task A_Hit_Published_Twice_Is_Stored_And_Printed_Once_And_The_Duplicate_Is_Counted()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
        await receiver.WaitUntilAsync(c => c.Hits + c.DuplicateHits == 2);

        Assert.Equal(1, receiver.Counters.Hits);
        Assert.Equal(1, receiver.Counters.DuplicateHits);
        var line = Assert.Single(receiver.PrintedLines);
        Assert.Contains("dev-a/gate", line, StringComparison.Ordinal);
        Assert.Contains("7ABC123", line, StringComparison.Ordinal);
        Assert.Contains("confidence 0.98", line, StringComparison.Ordinal);
        Assert.Contains("Stolen vehicle [critical]", line, StringComparison.Ordinal);
        Assert.Contains(hit.EventId, line, StringComparison.Ordinal);
        Assert.Contains("2026-11-21 06:31:07.412Z", line, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(receiver.Output, "hits.jsonl")));
        Assert.Equal(
            [$"{hit.EventId}.frame.jpg", $"{hit.EventId}.json", $"{hit.EventId}.plate.jpg"],
            Directory.GetFiles(Path.Combine(receiver.Output, "hits", "dev-a")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_Stored_Hit_Keeps_Its_Fields_And_Its_Pictures_Become_Files()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
        await receiver.WaitUntilAsync(c => c.Hits == 1);

        var folder = Path.Combine(receiver.Output, "hits", "dev-a");
        using var stored = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, $"{hit.EventId}.json")));
        var root = stored.RootElement;
        Assert.Equal("edgeingest.stored-hit/3", root.GetProperty("schema").GetString());
        Assert.Equal(hit.EventId, root.GetProperty("event_id").GetString());
        Assert.Equal("Stolen vehicle", root.GetProperty("hotlist").GetProperty("reason").GetString());
        Assert.Equal($"{hit.EventId}.plate.jpg", root.GetProperty("snapshot").GetProperty("plate_file").GetString());
        Assert.False(root.GetProperty("snapshot").TryGetProperty("frame_jpeg", out _));
        Assert.Equal(Convert.FromBase64String(hit.Snapshot.PlateJpeg), File.ReadAllBytes(Path.Combine(folder, $"{hit.EventId}.plate.jpg")));
        Assert.Equal(Convert.FromBase64String(hit.Snapshot.FrameJpeg), File.ReadAllBytes(Path.Combine(folder, $"{hit.EventId}.frame.jpg")));
    }

    [Fact]
    public async Task A_Look_Alike_Hit_Is_Stored_With_How_It_Matched_And_Printed_As_Confirm_Before_Acting()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var hit = DevicePayloads.HitV2(AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
        await receiver.WaitUntilAsync(c => c.Hits == 1);

        using var stored = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(receiver.Output, "hits", "dev-a", $"{hit.EventId}.json")));
        var root = stored.RootElement;
        var match = root.GetProperty("match");
        Assert.Equal(("look_alike", 1, true, "7A8C123"), (match.GetProperty("kind").GetString(), match.GetProperty("distance").GetInt32(), match.GetProperty("confirm_before_acting").GetBoolean(), match.GetProperty("reading").GetString()));
        Assert.Equal(("stolen_vehicle", 12L), (root.GetProperty("hotlist").GetProperty("category").GetString(), root.GetProperty("hotlist").GetProperty("list_version").GetInt64()));
        Assert.Equal(3, root.GetProperty("agreement_version").GetInt64());
        var line = Assert.Single(receiver.PrintedLines);
        Assert.Contains("CONFIRM BEFORE ACTING: look-alike match, 1 character(s) differ", line, StringComparison.Ordinal);
        Assert.Contains("(listed 7ABC123)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Restarted_Receiver_Still_Recognises_A_Hit_It_Stored_Before()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out"));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);
        await using (var first = await RunningReceiver.StartAsync(config))
        {
            await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
            await first.WaitUntilAsync(c => c.Hits == 1);
        }

        await using var second = await RunningReceiver.StartAsync(config);
        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
        await second.WaitUntilAsync(c => c.DuplicateHits == 1);

        Assert.Equal(0, second.Counters.Hits);
        Assert.Empty(second.PrintedLines);
        Assert.Single(File.ReadAllLines(Path.Combine(config.OutputDirectory, "hits.jsonl")));
    }
}
