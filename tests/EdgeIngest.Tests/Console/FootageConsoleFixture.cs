using System.Text;
using System.Text.Json;
using EdgeIngest.Footage;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The console fixture with the continuous recording on, and the agency's side on the broker: an
/// MQTT client that sends <c>footage.request</c> commands to the device's commands topic, as
/// <c>edgeingest request footage</c> does, and keeps what the device sends back (command results,
/// footage status, footage manifests and parts). Ready once the recording holds
/// <see cref="MinimumHeld"/> of the demo camera.
/// </summary>
public sealed class FootageConsoleFixture : ConsoleFixture
{
    public const string Camera = "entrance";
    public static readonly TimeSpan MinimumHeld = TimeSpan.FromSeconds(24);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly List<MqttReceivedMessage> _received = [];
    private MqttNetClient? _agency;

    public FootageConsoleFixture()
        : base(clips: false, recording: true)
    {
    }

    internal FootageRequests Requests => Appliance.FootageRequests;

    /// <summary>The start of the oldest video held for the camera (set once the recording holds enough).</summary>
    public DateTimeOffset Oldest { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _agency = new MqttNetClient(new MqttConnectionSettings { Host = Broker.Host, Port = Broker.Port, ClientId = "agency-requests-test", ConnectTimeout = TimeSpan.FromSeconds(5) });
        _agency.MessageReceived += (_, message) =>
        {
            lock (_received)
            {
                _received.Add(message);
            }
        };
        await _agency.ConnectAsync(CancellationToken.None);
        var topics = Appliance.Topics;
        await _agency.SubscribeAsync(topics.CommandResults, 1, CancellationToken.None);
        await _agency.SubscribeAsync(topics.FootageStatus, 1, CancellationToken.None);
        await _agency.SubscribeAsync($"{topics.Prefix}/{topics.DeviceId}/footage/#", 1, CancellationToken.None);

        var recording = Appliance.Recording;
        await Eventually.HoldsAsync(
            () => recording.OldestAt(Camera) is { } oldest && recording.NewestAt(Camera) is { } newest && newest - oldest >= MinimumHeld,
            Patience,
            () => $"the recording of camera {Camera} holds {recording.OldestAt(Camera)} to {recording.NewestAt(Camera)}, not {MinimumHeld.TotalSeconds} s");
        Oldest = recording.OldestAt(Camera)!.Value;
    }

    /// <summary>
    /// Sends a <c>footage.request</c> for camera <c>entrance</c> and [<paramref name="from"/>,
    /// <paramref name="to"/>) to the device's commands topic and waits for its answer; the test fails
    /// when the device refuses it. Returns the request as the device holds it (pending).
    /// </summary>
    internal async Task<FootageRequest> AskAsync(string requestId, DateTimeOffset from, DateTimeOffset to, string caseNumber = "2026-004512", string note = "white van, rear door")
    {
        var command = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schema = "edgeingest.command/1",
            command_id = requestId,
            type = "footage.request",
            footage = new
            {
                case_number = caseNumber,
                reason_code = "burglary",
                officer = "Det. A. Ruiz #4411",
                cameras = new[] { Camera },
                from = from.ToString("O"),
                to = to.ToString("O"),
                note,
            },
        });
        await _agency!.PublishAsync(Appliance.Topics.Commands, command, 1, retain: false, CancellationToken.None);
        JsonElement? result = null;
        await Eventually.HoldsAsync(
            () => (result = CommandResult(requestId)) is not null,
            Patience,
            () => $"no command result for footage request {requestId}");
        Assert.True(result!.Value.GetProperty("ok").GetBoolean(), $"the device refused footage request {requestId}: {result}");
        return Requests.Get(requestId) ?? throw new InvalidOperationException($"footage request {requestId} was accepted but is not stored");
    }

    /// <summary>The topics of what the device sent about <paramref name="requestId"/> to the agency so far (status events and footage).</summary>
    internal IReadOnlyList<string> SentAbout(string requestId)
    {
        lock (_received)
        {
            return [.. _received
                .Where(m => m.Topic != Appliance.Topics.CommandResults)
                .Where(m => m.Topic.Contains($"/footage/{requestId}/", StringComparison.Ordinal)
                    || (m.Topic == Appliance.Topics.FootageStatus && Encoding.UTF8.GetString(m.Payload).Contains($"\"request_id\":\"{requestId}\"", StringComparison.Ordinal)))
                .Select(m => m.Topic == Appliance.Topics.FootageStatus ? $"footage-status {StateIn(m)}" : m.Topic)];
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_agency is not null)
        {
            await _agency.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private static string? StateIn(MqttReceivedMessage message) =>
        JsonDocument.Parse(message.Payload).RootElement.GetProperty("state").GetString();

    private JsonElement? CommandResult(string commandId)
    {
        lock (_received)
        {
            foreach (var message in _received.Where(m => m.Topic == Appliance.Topics.CommandResults))
            {
                var result = JsonDocument.Parse(message.Payload).RootElement;
                if (result.TryGetProperty("command_id", out var id) && id.GetString() == commandId)
                {
                    return result.Clone();
                }
            }
        }

        return null;
    }
}
