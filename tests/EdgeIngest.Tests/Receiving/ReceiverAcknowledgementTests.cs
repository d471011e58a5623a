using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Mqtt;

namespace EdgeIngest.Tests.Receiving;

/// <summary>
/// The receiver confirms to the device, on its own acks topic, every message of each outbox kind
/// once it is stored, and again when the same message comes twice; a repeated drop or command
/// result is not appended a second time.
/// </summary>
public sealed class ReceiverAcknowledgementTests(AgencyPki pki)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_Kind_Of_Message_Is_Confirmed_To_Its_Device_Even_When_Sent_Twice_And_Stored_Once()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var acks = Channel.CreateUnbounded<MqttReceivedMessage>();
        device.MessageReceived += (_, message) => acks.Writer.TryWrite(message);
        await device.SubscribeAsync("edgeingest/dev-a/acks", 1, Cancellation);
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);
        var clipId = Guid.CreateVersion7().ToString();
        var video = Encoding.ASCII.GetBytes("0123456789");
        var commandResult = Encoding.UTF8.GetBytes(
            """{"schema":"edgeingest.command-result/1","command_id":"c/1","device_id":"dev-a","ok":true,"error":null,"at":"2026-11-21T07:01:00.000+00:00"}""");
        var messages = new (string Topic, byte[] Payload, string Key)[]
        {
            ("edgeingest/dev-a/hits", DevicePayloads.Json(hit), $"hits/{hit.EventId}"),
            ("edgeingest/dev-a/drops", DevicePayloads.Drop(AgencyPki.DeviceA, hit.EventId), $"drops/{hit.EventId}"),
            ("edgeingest/dev-a/command-results", commandResult, "command-results/c/1"),
            ($"edgeingest/dev-a/clips/{clipId}/manifest", DevicePayloads.ClipManifest(AgencyPki.DeviceA, clipId, video.Length, video.Length, Convert.ToHexStringLower(SHA256.HashData(video))), $"clips/{clipId}/manifest"),
            ($"edgeingest/dev-a/clips/{clipId}/chunks/0", video, $"clips/{clipId}/chunks/0"),
        };

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var (topic, payload, _) in messages)
            {
                await device.PublishAsync(topic, payload);
            }

            var confirmed = await CollectKeysAsync(acks.Reader, messages.Length);
            Assert.True(
                messages.All(m => confirmed.Contains(m.Key)),
                $"round {round}: confirmed [{string.Join(", ", confirmed)}], expected [{string.Join(", ", messages.Select(m => m.Key))}]");
        }

        Assert.Single(File.ReadAllLines(Path.Combine(receiver.Output, "drops.jsonl")));
        Assert.Single(File.ReadAllLines(Path.Combine(receiver.Output, "command-results.jsonl")));
        Assert.Single(File.ReadAllLines(Path.Combine(receiver.Output, "hits.jsonl")));
        Assert.Equal(video, File.ReadAllBytes(Path.Combine(receiver.Output, "clips", "dev-a", $"{clipId}.mp4")));
    }

    /// <summary>Reads acknowledgements until <paramref name="count"/> keys have come; checks each is a well-formed ack for device A.</summary>
    private static async Task<HashSet<string>> CollectKeysAsync(ChannelReader<MqttReceivedMessage> acks, int count)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(Patience);
        while (keys.Count < count)
        {
            var message = await acks.ReadAsync(limit.Token);
            var ack = JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.AckEvent)!;
            Assert.Equal(AckEvent.SchemaV1, ack.Schema);
            Assert.Equal(AgencyPki.DeviceA, ack.DeviceId);
            Assert.False(message.Retain, "an acknowledgement was retained");
            keys.UnionWith(ack.Messages);
        }

        return keys;
    }
}
