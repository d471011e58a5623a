using System.Threading.Channels;
using EdgeIngest.Commands;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Takes the agency's commands off the MQTT network thread (which must never wait on a hotlist
/// being written to disk), runs them one at a time, and puts each answer in the outbox's event
/// lane. The queue is bounded: a flood of commands cannot exhaust memory; past the bound the
/// oldest waiting command is dropped, and the agency, getting no answer, may send it again.
/// </summary>
public sealed class CommandInbox(CommandProcessor processor, DurableOutbox outbox, TopicLayout topics) : IAsyncDisposable
{
    private readonly Channel<byte[]> _commands = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private Task _loop = Task.CompletedTask;

    /// <summary>Registered with the agency connection; copies nothing more than the payload it was given.</summary>
    public void OnMessage(MqttReceivedMessage message) => _commands.Writer.TryWrite(message.Payload);

    public void Start() => _loop = Task.Run(ProcessAsync);

    public async ValueTask DisposeAsync()
    {
        _commands.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task ProcessAsync()
    {
        await foreach (var payload in _commands.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var outcome = processor.Process(payload, DateTimeOffset.UtcNow);
            if (outcome.ResultPayload is { } result)
            {
                outbox.Enqueue(new OutgoingMessage(topics.CommandResults, result, outcome.CommandId ?? "command"));
            }
        }
    }
}
