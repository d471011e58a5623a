using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Clips;

/// <summary>
/// The real CLI killed with SIGKILL during a hit's post-roll (the camera simulator serving the
/// demo video, mosquitto on loopback): the next start must deliver the promised clip from the
/// segments left on disk, or report it dropped with the reason; no promise may stay open.
/// </summary>
public sealed partial class ClipPromiseCrashTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private static readonly TimeSpan FirstHitTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Clip_Whose_Post_Roll_A_Kill_Interrupted_Is_Delivered_Or_Reported_Dropped_After_The_Restart()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new DeviceWorkspace();
        var config = workspace.WriteConfig(broker.Port, cameras.Simulator.UrlFor("/cam1"));
        var topics = new TopicLayout("edgeingest", "test-device");
        await using var agency = await MqttSubscriber.ConnectAsync(broker.ClientOptions("agency"), "edgeingest/test-device/#", 1, Cancellation);

        string eventId;
        await using (var first = CliProcess.Start(config))
        {
            await first.WaitForAsync(lines => lines.Any(l => HitLine().IsMatch(l)), FirstHitTimeout, "the device logged a HIT");

            // At once: the hit's post-roll (10 s) has just begun, its clip cannot have been cut.
            await first.KillAsync();
            eventId = first.Lines.Select(l => HitLine().Match(l)).First(m => m.Success).Groups["id"].Value;
            Assert.DoesNotContain(first.Lines, l => l.Contains($"Clip for hit {eventId}", StringComparison.Ordinal));
        }

        var restart = Stopwatch.StartNew();
        await using (var second = CliProcess.Start(config))
        {
            await second.WaitForAsync(
                lines => lines.Any(l => l.Contains(eventId, StringComparison.Ordinal) && (l.Contains("Recovered the clip", StringComparison.Ordinal) || l.Contains("is lost", StringComparison.Ordinal))),
                Patience,
                $"the restarted device recovered or reported the clip of hit {eventId}");
            var outcome = second.Lines.First(l => l.Contains(eventId, StringComparison.Ordinal) && (l.Contains("Recovered", StringComparison.Ordinal) || l.Contains("is lost", StringComparison.Ordinal)));
            TestContext.Current.TestOutputHelper?.WriteLine($"recovery {restart.Elapsed.TotalSeconds:F1} s after the restart: {outcome}");

            // Usually the clip itself comes: the segments are on disk here (nothing rebooted), and
            // the killed run's recorder may even have gone on filling the post-roll. Its
            // drop is the right answer too when the kill came before any video of the window was
            // flushed to a segment file, and then it must say why.
            var (manifest, drop) = await AnswerForAsync(agency, topics, eventId, () => string.Join('\n', second.Lines.TakeLast(20)));
            if (manifest is not null)
            {
                Assert.True(manifest.RecoveredAfterRestart, $"{manifest}");
                Assert.True(manifest.Bytes > 0 && manifest.EndsAt > manifest.StartsAt, $"{manifest}");
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"clip {manifest.Bytes} bytes, {(manifest.EndsAt - manifest.StartsAt).TotalSeconds:F1} s, truncated pre-roll {manifest.TruncatedPreRoll}, post-roll {manifest.TruncatedPostRoll}");
            }
            else
            {
                Assert.Equal(ClipDropReason.ServiceStopped, drop!.ReasonCode);
                Assert.Contains("post-roll", drop.Reason, StringComparison.Ordinal);
                TestContext.Current.TestOutputHelper?.WriteLine($"drop reported: {drop.Reason}");
            }

            await second.KillAsync();
        }

        using var outbox = DurableOutbox.Open(new OutboxOptions { FilePath = workspace.OutboxFile }, topics, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.DoesNotContain(outbox.OpenClipPromises(), p => p.EventId == eventId);
    }

    /// <summary>The first clip manifest or drop report for <paramref name="eventId"/> that reaches the agency.</summary>
    private static async Task<(ClipManifestEvent? Manifest, DropEvent? Drop)> AnswerForAsync(MqttSubscriber agency, TopicLayout topics, string eventId, Func<string> describe)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(Patience);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var message = await agency.Messages.ReadAsync(limit.Token);
                seen.Add(message.Topic);
                if (message.Topic == topics.ClipManifest(eventId))
                {
                    return (JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.ClipManifestEvent)!, null);
                }

                if (message.Topic == topics.Drops && JsonSerializer.Deserialize(message.Payload, EventJsonContext.Default.DropEvent) is { } drop && drop.EventId == eventId)
                {
                    return (null, drop);
                }
            }
        }
        catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"neither a manifest nor a drop for {eventId} within {Patience.TotalSeconds} s; topics seen: {string.Join(", ", seen.Distinct())}; device:\n{describe()}");
        }
    }

    [GeneratedRegex(@"HIT\s+\S+\s+(?<plate>\S+)\s.*event (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex HitLine();
}
