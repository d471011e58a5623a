using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Delivery;

/// <summary>
/// The deployed agency broker killed with SIGKILL (it saves its store only every 60 s) while the
/// device's hits are acknowledged by it but not yet stored at the agency. Delivery ends at the
/// real <c>edgeingest receive</c> process's end-to-end acknowledgement, so every hit arrives.
/// With the device deleting on PUBACK instead, the first test loses every hit the broker held.
/// </summary>
public sealed class BrokerCrashTests(AgencyPki pki)
{
    private const int Hits = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Broker_Killed_While_The_Receiver_Is_Offline_Loses_No_Hit()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var output = Path.Combine(broker.Directory, "out");
        var stored = Path.Combine(output, "hits", AgencyPki.DeviceA);
        var config = AgencyDevice.WriteReceiverConfig(broker, pki, output);

        // The receiver has its session at the broker, then goes away.
        await using (var away = CliProcess.Start(config, "receive"))
        {
            await away.WaitForAsync(lines => lines.Any(l => l.Contains("Connected to the agency broker", StringComparison.Ordinal)), Patience, "the receiver connected");
        }

        await using var device = AgencyDevice.Start(broker, pki);
        var ids = Enumerable.Range(0, Hits).Select(_ => device.QueueHit()).ToList();
        await Eventually.HoldsAsync(
            () => device.Outbox.CountNeverSent() == 0,
            Patience,
            () => $"the broker acknowledged {device.Sender.Published} of {Hits} hits; outbox {device.Outbox.GetStatistics()}");
        var heldByDevice = device.Outbox.GetStatistics().Events;

        await broker.RestartAsync();
        var restarted = Stopwatch.StartNew();
        await using var receiver = CliProcess.Start(config, "receive");
        await Eventually.HoldsAsync(
            () => CountStored(stored, ids) == Hits,
            Patience,
            () => $"{CountStored(stored, ids)} of {Hits} hits stored after the broker's SIGKILL; outbox {device.Outbox.GetStatistics()}; receiver:\n{string.Join('\n', receiver.Lines.TakeLast(15))}");
        var allStored = restarted.Elapsed;
        await Eventually.HoldsAsync(
            () => device.Outbox.GetStatistics().Total == 0,
            Patience,
            () => $"the receiver stored every hit but the device still holds {device.Outbox.GetStatistics()}");

        var lost = Hits - CountStored(stored, ids);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"receiver offline, broker SIGKILL: queued {Hits}, acknowledged by the broker {Hits} (kept by the device: {heldByDevice}), stored {Hits - lost}, lost {lost}; all stored {allStored.TotalSeconds:0.0} s after the restart; device publishes {device.Sender.Published}, confirmed {device.Sender.Delivered}"));
        Assert.Equal(0, lost);
    }

    [Fact]
    public async Task A_Broker_Killed_Mid_Stream_With_The_Receiver_Online_Loses_No_Hit()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var output = Path.Combine(broker.Directory, "out");
        var stored = Path.Combine(output, "hits", AgencyPki.DeviceA);
        var config = AgencyDevice.WriteReceiverConfig(broker, pki, output);
        await using var receiver = CliProcess.Start(config, "receive");
        await receiver.WaitForAsync(lines => lines.Any(l => l.Contains("Connected to the agency broker", StringComparison.Ordinal)), Patience, "the receiver connected");
        await using var device = AgencyDevice.Start(broker, pki);
        await Eventually.HoldsAsync(() => device.Connection.IsConnected, Patience, () => "the device did not connect");

        // Hits keep coming (one each 25 ms) while the broker is killed once a few are stored.
        var ids = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var producing = Task.Run(async () =>
        {
            for (var i = 0; i < Hits * 3; i++)
            {
                ids.Enqueue(device.QueueHit());
                await Task.Delay(25, Cancellation);
            }
        }, Cancellation);
        await Eventually.HoldsAsync(() => CountStored(stored, ids) >= 5, Patience, () => "the receiver stored no hit before the kill");
        var connectionsBefore = device.Connection.Connections;
        var storedBeforeKill = CountStored(stored, ids);
        var queuedBeforeKill = ids.Count;
        await broker.RestartAsync();
        var restarted = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => device.Connection.Connections > connectionsBefore, Patience, () => "the device did not reconnect");
        var deviceBack = restarted.Elapsed;
        await receiver.WaitForAsync(lines => lines.Any(l => l.Contains("Reconnected to the agency broker", StringComparison.Ordinal)), Patience, "the receiver reconnected");
        var receiverBack = restarted.Elapsed;
        await producing;
        await Eventually.HoldsAsync(
            () => CountStored(stored, ids) == ids.Count,
            Patience,
            () => $"{CountStored(stored, ids)} of {ids.Count} hits stored; outbox {device.Outbox.GetStatistics()}; receiver:\n{string.Join('\n', receiver.Lines.TakeLast(15))}");
        await Eventually.HoldsAsync(
            () => device.Outbox.GetStatistics().Total == 0,
            Patience,
            () => $"the receiver stored every hit but the device still holds {device.Outbox.GetStatistics()}");

        var lost = ids.Count - CountStored(stored, ids);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"receiver online, broker SIGKILL mid-stream: queued {ids.Count}, queued before the kill {queuedBeforeKill}, stored before it {storedBeforeKill}, stored {ids.Count - lost}, lost {lost}; after the restart the device was back in {deviceBack.TotalSeconds:0.0} s, the receiver in {receiverBack.TotalSeconds:0.0} s (both polled at 0.1 s); all stored and confirmed {restarted.Elapsed.TotalSeconds:0.0} s after it"));
        Assert.Equal(0, lost);
        Assert.True(receiverBack < TimeSpan.FromSeconds(5), $"the receiver took {receiverBack.TotalSeconds:0.0} s to reconnect after the broker's restart (bound 5 s)");
    }

    private static int CountStored(string directory, IEnumerable<string> ids) =>
        ids.Count(id => File.Exists(Path.Combine(directory, $"{id}.json")));
}
