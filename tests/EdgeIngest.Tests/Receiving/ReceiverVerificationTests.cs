using System.Text;
using EdgeIngest.Events;
using EdgeIngest.Tests.BrokerAcl;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Receiving;

/// <summary>Bad messages are logged with their reason and skipped; the receiver keeps working.</summary>
public sealed class ReceiverVerificationTests(AgencyPki pki)
{
    public static TheoryData<string, string> BadHits => new()
    {
        { "device_mismatch", "does not match device 'dev-a' in the topic" },
        { "malformed_json", "not valid JSON" },
        { "oversized", "over the 8388608-byte limit" },
        { "unknown_schema", "unknown schema 'edgeingest.hit/9'" },
        { "event_id_not_uuid", "is not a UUID" },
        { "snapshot_not_jpeg", "'snapshot.plate_jpeg' is not a JPEG" },
        { "v2_without_match", "'match' is missing" },
        { "v2_look_alike_not_flagged", "'match.confirm_before_acting' must be true for a look_alike match" },
        { "v2_without_list_version", "'hotlist.category' or 'hotlist.list_version' is missing" },
    };

    [Theory]
    [MemberData(nameof(BadHits))]
    public async Task A_Bad_Hit_Is_Logged_With_Its_Reason_Nothing_Is_Written_And_The_Next_Hit_Is_Stored(string defect, string reason)
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var good = DevicePayloads.Hit(AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/hits", Defective(defect));
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 1);
        var rejection = Assert.Single(receiver.Logs, line => line.EventId == 810);
        var filesAfterRejection = Directory.GetFileSystemEntries(receiver.Output);
        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(good));
        await receiver.WaitUntilAsync(c => c.Hits == 1);

        Assert.Equal(LogLevel.Error, rejection.Level);
        Assert.Contains("edgeingest/dev-a/hits", rejection.Message, StringComparison.Ordinal);
        Assert.Contains(reason, rejection.Message, StringComparison.Ordinal);
        Assert.Empty(filesAfterRejection);
        Assert.Single(receiver.PrintedLines);
        Assert.Equal(1, receiver.Counters.RejectedMessages);
    }

    [Fact]
    public async Task Messages_On_Unknown_Topics_Or_With_Unknown_Schemas_Are_Rejected_For_Every_Kind()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/status", DevicePayloads.Status(AgencyPki.DeviceB));
        await device.PublishAsync("edgeingest/dev-a/heartbeat", "{\"schema\":\"edgeingest.heartbeat/2\",\"device_id\":\"dev-a\"}"u8.ToArray());
        await device.PublishAsync("edgeingest/dev-a/clips/not-a-uuid/manifest", "{}"u8.ToArray());
        await device.PublishAsync("edgeingest/dev-a/drops", "[1,2"u8.ToArray());
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 4);

        var reasons = receiver.Logs.Where(line => line.EventId == 810).Select(line => line.Message).ToList();
        Assert.Contains(reasons, r => r.Contains("edgeingest/dev-a/status", StringComparison.Ordinal) && r.Contains("device_id 'dev-b'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("unknown schema 'edgeingest.heartbeat/2'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("'not-a-uuid' in the topic is not a UUID", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("edgeingest/dev-a/drops", StringComparison.Ordinal) && r.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(receiver.Output));
    }

    [Fact]
    public async Task Status_And_Heartbeat_Are_Kept_As_The_Latest_Per_Device_And_Drops_Are_Appended()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/status", DevicePayloads.Status(AgencyPki.DeviceA, "online"));
        await device.PublishAsync("edgeingest/dev-a/heartbeat", DevicePayloads.Heartbeat(AgencyPki.DeviceA, 30));
        await device.PublishAsync("edgeingest/dev-a/heartbeat", DevicePayloads.Heartbeat(AgencyPki.DeviceA, 60));
        await device.PublishAsync("edgeingest/dev-a/drops", DevicePayloads.Drop(AgencyPki.DeviceA, Guid.CreateVersion7().ToString()));
        await device.PublishAsync("edgeingest/dev-a/drops", DevicePayloads.Drop(AgencyPki.DeviceA, Guid.CreateVersion7().ToString()));
        await receiver.WaitUntilAsync(c => c.DeviceMessages == 5);

        var deviceFolder = Path.Combine(receiver.Output, "devices", "dev-a");
        Assert.Contains("\"state\":\"online\"", File.ReadAllText(Path.Combine(deviceFolder, "status.json")), StringComparison.Ordinal);
        Assert.Contains("\"uptime_seconds\":60", File.ReadAllText(Path.Combine(deviceFolder, "heartbeat.json")), StringComparison.Ordinal);
        var drops = File.ReadAllLines(Path.Combine(receiver.Output, "drops.jsonl"));
        Assert.Equal(2, drops.Length);
        Assert.All(drops, line => Assert.StartsWith("{\"schema\":\"edgeingest.drop/1\"", line, StringComparison.Ordinal));
    }

    private static byte[] Defective(string defect)
    {
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);
        return defect switch
        {
            "device_mismatch" => DevicePayloads.Json(hit with { DeviceId = AgencyPki.DeviceB }),
            "malformed_json" => DevicePayloads.Json(hit)[..^10],
            "oversized" => DevicePayloads.Json(hit with { Snapshot = hit.Snapshot with { FrameJpeg = Convert.ToBase64String(DevicePayloads.Jpeg(0x33, 7 * 1024 * 1024)) } }),
            "unknown_schema" => DevicePayloads.Json(hit with { Schema = "edgeingest.hit/9" }),
            "event_id_not_uuid" => DevicePayloads.Json(hit with { EventId = "hit-42" }),
            "snapshot_not_jpeg" => DevicePayloads.Json(hit with { Snapshot = hit.Snapshot with { PlateJpeg = Convert.ToBase64String(Encoding.ASCII.GetBytes("GIF89a")) } }),
            "v2_without_match" => DevicePayloads.Json(DevicePayloads.HitV2(AgencyPki.DeviceA) with { Match = null }),
            "v2_look_alike_not_flagged" => DevicePayloads.Json(DevicePayloads.HitV2(AgencyPki.DeviceA) with { Match = new MatchJson("look_alike", 1, false, "7A8C123") }),
            "v2_without_list_version" => DevicePayloads.Json(DevicePayloads.HitV2(AgencyPki.DeviceA) is var v2 ? v2 with { Hotlist = v2.Hotlist with { ListVersion = null } } : null!),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
    }
}
