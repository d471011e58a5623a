using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdgeIngest.Cameras;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

/// <summary>A camera whose first connection hangs is reported with a cause within its probe timeout.</summary>
public sealed class CameraHangingServerTests
{
    private const double ProbeTimeoutSeconds = 2;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Camera_Whose_Server_Accepts_And_Never_Answers_Is_Failed_With_ProbeTimedOut_Within_The_Probe_Timeout_And_Retried()
    {
        // Accepts every connection (the kernel completes the handshake) and never sends a byte.
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        var acceptLoop = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await server.AcceptSocketAsync(TestContext.Current.CancellationToken);
                lock (accepted)
                {
                    accepted.Add(socket);
                }
            }
        }, TestContext.Current.CancellationToken);

        var logs = new InMemoryLoggerProvider();
        await using var camera = TestCameras.Create("silent", $"rtsp://admin:s3cret-pw@127.0.0.1:{port}/gate", logs.CreateFactory(), options =>
        {
            options.ProbeTimeoutSeconds = ProbeTimeoutSeconds;
            options.RestartDelayInitialSeconds = 0.3;
        });
        var started = Stopwatch.StartNew();
        await camera.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            () => camera.GetStatus() is { State: CameraState.Failed, LastFailure: not null } or { Restarts: > 0 },
            TimeSpan.FromSeconds(ProbeTimeoutSeconds) + Margin,
            () => $"still no cause {started.Elapsed.TotalSeconds:0.0} s after start (probe timeout {ProbeTimeoutSeconds} s): {camera.GetStatus()}");
        var failedAfter = started.Elapsed;
        var failure = camera.GetStatus().LastFailure!;
        Assert.Equal(CameraFailureCause.ProbeTimedOut, failure.Cause);
        Assert.Contains("within 2 s", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failure.Message, StringComparison.Ordinal);
        Assert.True(
            failedAfter >= TimeSpan.FromSeconds(ProbeTimeoutSeconds) - TimeSpan.FromMilliseconds(100),
            $"failed after {failedAfter.TotalSeconds:0.00} s, before its probe timeout: {failure}");

        // Retried with backoff: a second connection arrives, and the second attempt fails the same way.
        await Eventually.HoldsAsync(
            () => camera.GetStatus().Restarts >= 2,
            2 * (TimeSpan.FromSeconds(ProbeTimeoutSeconds) + Margin),
            () => $"not retried: {camera.GetStatus()}");
        lock (accepted)
        {
            Assert.True(accepted.Count >= 2, $"{accepted.Count} connection(s) reached the server");
        }

        Assert.Equal(CameraFailureCause.ProbeTimedOut, camera.GetStatus().LastFailure?.Cause);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("s3cret-pw"));

        await camera.StopAsync(TestContext.Current.CancellationToken);
        server.Stop();
        lock (accepted)
        {
            accepted.ForEach(socket => socket.Dispose());
        }

        await Assert.ThrowsAnyAsync<Exception>(() => acceptLoop);
    }
}
