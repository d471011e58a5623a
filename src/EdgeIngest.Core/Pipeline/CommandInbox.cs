using System.Threading.Channels;
using EdgeIngest.Commands;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Takes the agency's commands off the MQTT network thread (which must never wait on a hotlist
/// being written to disk), runs them one at a time, and puts each answer in the outbox's event
/// lane. The queue is bounded: a flood of commands cannot exhaust memory; past the bound the
/// oldest waiting command is dropped, and the agency, getting no answer, may send it again.
/// A stop answers the commands already queued before it ends.
/// </summary>
public sealed class CommandInbox(CommandProcessor processor, DurableOutbox outbox, TopicLayout topics, ILogger logger, TimeProvider? time = null)
    : BackgroundLoop("command inbox", logger)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Channel<byte[]> _commands = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Registered with the agency connection; copies nothing more than the payload it was given.</summary>
    public void OnMessage(MqttReceivedMessage message) => _commands.Writer.TryWrite(message.Payload);

    protected override bool DrainsOnStop => true;

    protected override Task OnStoppingAsync()
    {
        _commands.Writer.TryComplete();
        return Task.CompletedTask;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        await foreach (var payload in _commands.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            var outcome = processor.Process(payload, _time.GetUtcNow());
            if (outcome.ResultPayload is { } result)
            {
                outbox.Enqueue(new OutgoingMessage(topics.CommandResults, result, outcome.CommandId ?? "command"));
            }
        }
    }
}
