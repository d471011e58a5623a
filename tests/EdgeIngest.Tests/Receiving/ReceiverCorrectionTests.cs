using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Tests.BrokerAcl;

namespace EdgeIngest.Tests.Receiving;

/// <summary>
/// A hit sent early whose pass's final vote disagreed is followed by a correction on
/// <c>{prefix}/{device}/corrections</c> (docs/events.md): the receiver stores it once, next to
/// the hit it names, and prints a line the operator cannot miss.
/// </summary>
public sealed class ReceiverCorrectionTests(AgencyPki pki)
{
    [Fact]
    public async Task A_Correction_Is_Stored_Once_And_Printed_Naming_The_Hit_And_Whether_It_Still_Matches()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var hit = DevicePayloads.HitV2(AgencyPki.DeviceA) with { Schema = HitEvent.SchemaV3, FirstReadAt = new DateTimeOffset(2026, 11, 21, 6, 31, 7, 12, TimeSpan.Zero) };
        var correction = Correction(hit.EventId, "6MWF778");

        await device.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(hit));
        await device.PublishAsync("edgeingest/dev-a/corrections", Json(correction));
        await device.PublishAsync("edgeingest/dev-a/corrections", Json(correction));
        await receiver.WaitUntilAsync(c => c.Hits == 1 && c.Corrections == 1 && receiver.Logs.Any(l => l.Message.Contains("Already stored in corrections", StringComparison.Ordinal)));

        var line = Assert.Single(receiver.PrintedLines, l => l.StartsWith("CORRECTION", StringComparison.Ordinal));
        Assert.Contains($"CORRECTION of hit {hit.EventId}", line, StringComparison.Ordinal);
        Assert.Contains("final plate 6MWF778", line, StringComparison.Ordinal);
        Assert.Contains("NO LONGER A HOTLIST MATCH", line, StringComparison.Ordinal);
        var stored = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(receiver.Output, "corrections", "dev-a", $"{correction.EventId}.json")), EventJsonContext.Default.HitCorrectionEvent)!;
        Assert.Equal((hit.EventId, "6MWF778", 5), (stored.CorrectsEventId, stored.Plate, stored.Reads));
        Assert.Single(File.ReadAllLines(Path.Combine(receiver.Output, "corrections.jsonl")));
        using var storedHit = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(receiver.Output, "hits", "dev-a", $"{hit.EventId}.json")));
        Assert.Equal(hit.FirstReadAt, storedHit.RootElement.GetProperty("first_read_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_Correction_Without_The_Hit_It_Corrects_Is_Rejected_Saying_So()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);

        await device.PublishAsync("edgeingest/dev-a/corrections", Json(Correction("not-a-uuid", "6MWF778")));
        await receiver.WaitUntilAsync(c => c.RejectedMessages == 1);

        Assert.Equal(0, receiver.Counters.Corrections);
        Assert.Contains(receiver.Logs, l => l.Message.Contains("edgeingest/dev-a/corrections", StringComparison.Ordinal) && l.Message.Contains("'corrects_event_id' is 'not-a-uuid'", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(receiver.Output, "corrections")));
    }

    private static HitCorrectionEvent Correction(string corrects, string plate) => new(
        HitCorrectionEvent.SchemaV1,
        Guid.CreateVersion7().ToString(),
        corrects,
        AgencyPki.DeviceA,
        "gate",
        new DateTimeOffset(2026, 11, 21, 6, 31, 8, 500, TimeSpan.Zero),
        plate,
        0.91f,
        5,
        Hotlist: null,
        Match: null);

    private static byte[] Json(HitCorrectionEvent correction) => JsonSerializer.SerializeToUtf8Bytes(correction, EventJsonContext.Default.HitCorrectionEvent);
}
