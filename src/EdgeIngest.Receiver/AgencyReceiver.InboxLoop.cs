using EdgeIngest.Hosting;

namespace EdgeIngest.Receiving;

public sealed partial class AgencyReceiver
{
    /// <summary>
    /// The single task that stores and acknowledges what arrives. A stop lets it finish what has
    /// already arrived (while the connection can still carry the acknowledgements); a stop that
    /// takes longer than <see cref="BackgroundLoop.StopTimeout"/> (a disk that keeps refusing)
    /// leaves the rest unacknowledged, so the broker keeps it for the next run.
    /// </summary>
    private sealed class InboxLoop(AgencyReceiver receiver) : BackgroundLoop("receiver inbox", receiver._logger)
    {
        protected override bool DrainsOnStop => true;

        protected override Task OnStoppingAsync()
        {
            // After this the message is neither stored nor acknowledged: the broker keeps it.
            receiver._inbox.Writer.TryComplete();
            return Task.CompletedTask;
        }

        protected override Task RunAsync(CancellationToken stopping) => receiver.ProcessInboxAsync(stopping);
    }
}
