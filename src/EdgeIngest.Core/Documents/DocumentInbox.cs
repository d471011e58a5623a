using System.Threading.Channels;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Documents;

/// <summary>
/// Takes signed documents off the MQTT network thread (verifying and storing a large hotlist must
/// never hold it up), judges them one at a time with <see cref="DocumentReception"/>, and puts each
/// answer in the outbox's event lane for <c>command-results</c>. Register <see cref="OnHotlistMessage"/>
/// and <see cref="OnAgreementMessage"/> with the agency connection (QoS 1, both topics retained).
/// The queue is small and drops the oldest: documents are retained at the broker, so only the newest matters.
/// </summary>
public sealed class DocumentInbox(DocumentReception reception, DurableOutbox outbox, TopicLayout topics, ILogger logger, TimeProvider? time = null)
    : BackgroundLoop("document inbox", logger)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Channel<(DocumentChannel Channel, string Topic, byte[] Payload)> _documents = Channel.CreateBounded<(DocumentChannel, string, byte[])>(
        new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void OnHotlistMessage(MqttReceivedMessage message) => _documents.Writer.TryWrite((DocumentChannel.HotlistTopic, message.Topic, message.Payload));

    public void OnAgreementMessage(MqttReceivedMessage message) => _documents.Writer.TryWrite((DocumentChannel.AgreementTopic, message.Topic, message.Payload));

    protected override bool DrainsOnStop => true;

    protected override Task OnStoppingAsync()
    {
        _documents.Writer.TryComplete();
        return Task.CompletedTask;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        await foreach (var (channel, topic, payload) in _documents.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            if (payload.Length == 0)
            {
                // An empty retained message is how the agency clears the topic; it is no document.
                DocumentReceptionLog.Cleared(Logger, channel == DocumentChannel.AgreementTopic ? "agreement" : "hotlist", topic);
                continue;
            }

            var outcome = reception.Receive(payload, channel, topic, _time.GetUtcNow());
            if (outcome.ResultPayload is { } result)
            {
                outbox.Enqueue(new OutgoingMessage(topics.CommandResults, result, outcome.AnswerId));
            }
        }
    }
}
