using System.Text.RegularExpressions;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;

namespace EdgeIngest.Receiving.Documents;

/// <summary>
/// The agency side of <c>hotlist publish</c> and <c>agreement publish</c>: puts a signed document on
/// each device's <c>{prefix}/{device}/hotlist</c> or <c>agreement</c> topic, retained and QoS 1, with
/// the receiver's identity (the broker ACL lets only it write there), so a device that is away gets
/// it when it connects. MQTT cannot publish to a wildcard topic, so "every device" means every
/// device the receiver has heard from (its <c>devices/{device}/</c> folders).
/// </summary>
public static partial class SignedDocumentPublisher
{
    /// <summary>The devices the receiver has a status or heartbeat from, sorted.</summary>
    public static IReadOnlyList<string> KnownDevices(ReceiverConfig config)
    {
        var folder = Path.Combine(config.OutputDirectory, "devices");
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(IsDeviceId).Order(StringComparer.Ordinal)]
            : [];
    }

    public static bool IsDeviceId(string id) => DeviceIdPattern().IsMatch(id);

    /// <summary>The topic the document goes to: <paramref name="kind"/> is "hotlist" or "agreement".</summary>
    public static string TopicFor(ReceiverConfig config, string device, string kind)
    {
        var topics = new TopicLayout(config.TopicPrefix, device);
        return kind == "agreement" ? topics.Agreement : topics.Hotlist;
    }

    /// <summary>Publishes to each device in turn; throws <see cref="MqttException"/> (refused, unreachable) naming the topic.</summary>
    public static async Task PublishAsync(ReceiverConfig config, IReadOnlyList<string> devices, string kind, byte[] envelope, Action<string> published, CancellationToken cancellationToken)
    {
        var broker = config.Broker;
        // Not the receiver's own id: that would take over its persistent session.
        await using var client = new MqttNetClient(broker.ConnectionSettings($"{broker.ClientId}-publish"));
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var device in devices)
        {
            var topic = TopicFor(config, device, kind);
            await client.PublishAsync(topic, envelope, 1, retain: true, cancellationToken).ConfigureAwait(false);
            published(topic);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DeviceIdPattern();
}
