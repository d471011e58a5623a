using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;
using EdgeIngest.Installation;
using EdgeIngest.Pipeline;
using EdgeIngest.Tests.EndToEnd;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.WebConsole.Access;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// Once per test class: a real broker, the demo camera, a running appliance with a signed agreement
/// (retention 14/180/45 days), its web console on a free loopback port with a known password, and
/// headless Debian chromium driven by Playwright. More consoles over the same appliance, each with its
/// own password folder, come from <see cref="StartFreshConsoleAsync"/>. Hit clips are off here (a
/// segment recorder per camera costs CPU the other tests need); <see cref="ClipsConsoleFixture"/> has them.
/// The continuous recording is off too, but in <see cref="FootageConsoleFixture"/>.
/// </summary>
public class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";
    private readonly bool _clips;
    private readonly bool _recording;
    private readonly DemoCamerasFixture _cameras = new();
    private readonly List<ConsoleHost> _extra = [];
    private MosquittoBroker? _broker;
    private ApplianceWorkspace? _workspace;
    private InMemoryLoggerProvider? _logs;
    private Microsoft.Extensions.Logging.ILoggerFactory? _loggers;
    private Appliance? _appliance;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private ConsoleHost? _console;
    private IPlaywright? _playwright;

    public ConsoleFixture()
        : this(clips: false)
    {
    }

    /// <param name="clips">Record segments and cut a short clip (3 s + 3 s) of every hit, kept on the box.</param>
    /// <param name="recording">Keep the continuous recording on disk (footage requests are cut from it); off by default, for the CPU.</param>
    protected ConsoleFixture(bool clips, bool recording = false) => (_clips, _recording) = (clips, recording);

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => _console!.Address;

    public Appliance Appliance => _appliance!;

    public EdgeIngestConfig Config { get; private set; } = null!;

    /// <summary>The agency's broker the appliance is connected to.</summary>
    internal MosquittoBroker Broker => _broker!;

    /// <summary>The simulator's address for a mount (<c>/cam1</c>, <c>/cam2</c>: the demo clip).</summary>
    public string SimulatedCamera(string mount) => _cameras.Simulator.UrlFor(mount);

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(InstallLayout.Root, ".test-artifacts", "console")).FullName;

    public virtual async ValueTask InitializeAsync()
    {
        await _cameras.InitializeAsync();
        _broker = await MosquittoBroker.StartAsync();
        _workspace = new ApplianceWorkspace("""
            plate,category,reason,priority
            7ABC123,stolen_vehicle,Stolen vehicle,high
            """);
        _workspace.WriteSignedAgreement(TestAgency.Agreement(1, HotlistCategories.StolenVehicle) with { Retention = new Agreements.RetentionDays(14, 180, 45) });
        Config = ConfigLoader.Load(_workspace.WriteConfig(_broker.Port, [("entrance", _cameras.Simulator.UrlFor("/cam1"))]));
        Config.Clips.Enabled = _clips;
        Config.Recording.Enabled = _recording;
        if (_clips)
        {
            (Config.Clips.PreRollSeconds, Config.Clips.PostRollSeconds) = (3, 3);
            Config.Clips.ClipDirectory = Path.Combine(_workspace.Directory, "clips");

            // Plates pass at y 480..560 of 720: inside this zone, whose dimmed top shows on the picture.
            Config.Cameras[0].Zone = new EdgeIngest.Motion.ZoneOptions { Polygon = [[0.03, 0.45], [0.97, 0.45], [0.97, 0.97], [0.03, 0.97]] };
        }

        Config.Console.Listen = "127.0.0.1:0";
        _logs = new InMemoryLoggerProvider();
        _loggers = _logs.CreateFactory();
        _appliance = Appliance.Create(Config, _loggers);
        _stop = new CancellationTokenSource();
        _running = _appliance.RunAsync(_stop.Token);

        new PasswordStore(ConsoleSite.DefaultFolder(Config)).Set(Password);
        _console = await ConsoleHost.StartAsync(_appliance, Config, _loggers, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>Another console over the same appliance, with its own (empty) password folder: a first run.</summary>
    internal async Task<ConsoleHost> StartFreshConsoleAsync(string? certFile = null, string? keyFile = null)
    {
        var folder = Path.Combine(_workspace!.Directory, "console-" + Guid.NewGuid().ToString("N")[..8]);
        (Config.Console.CertFile, Config.Console.KeyFile) = (certFile, keyFile);
        try
        {
            var console = await ConsoleHost.StartAsync(_appliance!, Config, folder, _loggers!, CancellationToken.None);
            _extra.Add(console);
            return console;
        }
        finally
        {
            (Config.Console.CertFile, Config.Console.KeyFile) = (null, null);
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1 as PEM files in the workspace (the owner's certificate, in the test).</summary>
    internal (string CertFile, string KeyFile) WriteOwnerCertificate()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certFile = Path.Combine(_workspace!.Directory, "console.crt");
        var keyFile = Path.Combine(_workspace.Directory, "console.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }

    /// <summary>A new browser context (its own cookies), signed in to the main console.</summary>
    public async Task<IPage> SignedInPageAsync(int width = 1100, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(new Uri(Address, "login").ToString());
        await page.FillAsync("input[name=Password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Address.ToString());
        return page;
    }

    public async Task<IPage> NewPageAsync(int width = 1100, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public virtual async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        foreach (var console in _extra)
        {
            await console.DisposeAsync();
        }

        if (_console is not null)
        {
            await _console.DisposeAsync();
        }

        if (_stop is not null)
        {
            await _stop.CancelAsync();
            await _running!.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (_appliance is not null)
        {
            await _appliance.DisposeAsync();
        }

        _loggers?.Dispose();
        _logs?.Dispose();
        _workspace?.Dispose();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        await _cameras.DisposeAsync();
        _stop?.Dispose();
    }

    /// <summary>The service's logger factory (the Device page's tests log through it).</summary>
    internal Microsoft.Extensions.Logging.ILoggerFactory Loggers => _loggers!;
}
