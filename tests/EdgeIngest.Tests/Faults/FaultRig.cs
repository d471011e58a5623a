using System.Diagnostics;
using System.Globalization;
using EdgeIngest.Installation;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The whole chain as deployed, each part a real process on loopback that a scenario can SIGKILL
/// and start again on the same port with the same data folder: the agency broker
/// (deploy/agency-broker, mutual TLS, ACLs, persistence), the camera simulator serving the demo
/// video (six listed plates, one every 6.5 s), the service (<c>edgeingest run</c>, enrolled as
/// dev-a, clips on) and the receiver (<c>edgeingest receive</c>). Disposing stops everything and
/// ends any ffmpeg a killed service left behind.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    public const string DeviceId = AgencyPki.DeviceA;
    public const string CameraId = "entrance";
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    private readonly FaultWorkspace _workspace;

    private FaultRig(FaultWorkspace workspace, MosquittoBroker broker, RtspCameraSimulator camera, LoopbackRelay? relay)
    {
        _workspace = workspace;
        Broker = broker;
        Camera = camera;
        Relay = relay;
        Service = CliProcess.Start(workspace.ServiceConfig, "run");
        Tally = new DeliveryTally(() => Service.Lines, workspace.ReceiverOutput, DeviceId);
    }

    public MosquittoBroker Broker { get; }

    public RtspCameraSimulator Camera { get; }

    public LoopbackRelay? Relay { get; }

    public CliProcess Service { get; }

    /// <summary>Null until started (a scenario may start the rig with the receiver offline).</summary>
    public CliProcess? Receiver { get; private set; }

    public DeliveryTally Tally { get; }

    /// <summary>The folders and files of the rig (configs, the receiver's output, the device's recording).</summary>
    public FaultWorkspace Workspace => _workspace;

    public static async Task<FaultRig> StartAsync(AgencyPki pki, FaultRigOptions options)
    {
        var broker = await AgencyBroker.StartAsync(pki);
        RtspCameraSimulator? camera = null;
        LoopbackRelay? relay = null;
        try
        {
            camera = await RtspCameraSimulator.StartAsync(new Dictionary<string, string> { ["/cam1"] = await DemoVideo.GetPathAsync() });
            if (options.SlowLink)
            {
                relay = new LoopbackRelay(broker.Port);
                relay.Open();
            }

            var workspace = FaultWorkspace.Create(pki, broker, relay?.Port ?? broker.Port, camera.UrlFor("/cam1"), options);
            FaultRig? rig = null;
            if (options.ReceiverOnline)
            {
                // Before the service, so the broker holds the receiver's session from the first hit on.
                rig = new FaultRig(workspace, broker, camera, relay) { Receiver = CliProcess.Start(workspace.ReceiverConfig, "receive") };
                await rig.WaitForReceiverAsync();
            }
            else
            {
                rig = new FaultRig(workspace, broker, camera, relay);
            }

            await rig.Service.WaitForAsync(l => l.Any(x => x.Contains("Connected to the agency broker", StringComparison.Ordinal)), StartPatience, "the service connected to the agency broker");
            return rig;
        }
        catch
        {
            if (relay is not null)
            {
                await relay.DisposeAsync();
            }

            if (camera is not null)
            {
                await camera.DisposeAsync();
            }

            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the receiver (again, after a kill) and waits until this run says it is connected.</summary>
    public async Task StartReceiverAsync()
    {
        var before = Receiver?.Lines.Count(IsReceiverConnected) ?? 0;
        if (Receiver is null)
        {
            Receiver = CliProcess.Start(_workspace.ReceiverConfig, "receive");
        }
        else
        {
            await Receiver.RestartAsync();
        }

        await WaitForReceiverAsync(before);
    }

    /// <summary>Waits until the receiver logs one more connection than <paramref name="before"/>.</summary>
    public Task WaitForReceiverAsync(int before = 0) =>
        Receiver!.WaitForAsync(l => l.Count(IsReceiverConnected) > before, StartPatience, "the receiver connected");

    /// <summary>Waits for the next hit the service queues after <paramref name="known"/> of them; returns its id.</summary>
    public async Task<string> WaitForNextHitAsync(int known, TimeSpan patience)
    {
        await Service.WaitForAsync(_ => Tally.QueuedEvents().Count > known, patience, $"hit {known + 1} was queued");
        return Tally.QueuedEvents()[known];
    }

    /// <summary>
    /// Waits for everything the service queued to be stored (see <see cref="DeliveryTally.WaitAndCountAsync"/>),
    /// then keeps the service's, the receiver's and the broker's logs next to the figures
    /// (.test-artifacts/faults/SCENARIO/), so a loss can be traced.
    /// </summary>
    public async Task<FaultFigures> CountAsync(string scenario, Stopwatch recovering, Stopwatch wall, IReadOnlyDictionary<string, double>? measured = null)
    {
        var figures = await Tally.WaitAndCountAsync(scenario, Tally.QueuedEvents(), recovering, FaultTiming.RecoveryBound, wall, measured);
        await SaveLogsAsync(scenario);
        return figures;
    }

    /// <summary>Keeps the service's, the receiver's and the broker's logs in .test-artifacts/faults/SCENARIO/; returns the folder.</summary>
    public async Task<string> SaveLogsAsync(string scenario)
    {
        var folder = Directory.CreateDirectory(Path.Combine(InstallLayout.Root, ".test-artifacts", "faults", scenario)).FullName;
        await File.WriteAllLinesAsync(Path.Combine(folder, "service.log"), Service.TimedLines.Select(Stamped));
        await File.WriteAllLinesAsync(Path.Combine(folder, "receiver.log"), (Receiver?.TimedLines ?? []).Select(Stamped));
        await File.WriteAllTextAsync(Path.Combine(folder, "broker.log"), Broker.ReadLog());
        return folder;
    }

    /// <summary>The ffmpeg processes that read this rig's camera and are not children of the running service.</summary>
    public IReadOnlyList<int> OrphanedFfmpegs() =>
        LeftoverProcesses.Find(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Camera.Port}/"), ChildrenOf(Service.HasExited ? -1 : Service.ProcessId));

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        LeftoverProcesses.Kill(LeftoverProcesses.Find(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Camera.Port}/"), []));
        if (Relay is not null)
        {
            await Relay.DisposeAsync();
        }

        await Camera.DisposeAsync();
        await Broker.DisposeAsync();
        _workspace.Dispose();
    }

    private static string Stamped((DateTime At, string Text) line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line.At:HH:mm:ss.fff} {line.Text}");

    private static bool IsReceiverConnected(string line) =>
        line.Contains("Connected to the agency broker", StringComparison.Ordinal) || line.Contains("Reconnected to the agency broker", StringComparison.Ordinal);

    private static HashSet<int> ChildrenOf(int parent)
    {
        var children = new HashSet<int>();
        if (parent < 0)
        {
            return children;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // Not a process, or gone while looking.
            }
        }

        return children;
    }
}
