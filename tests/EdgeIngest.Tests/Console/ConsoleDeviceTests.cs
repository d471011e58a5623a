using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Enrollment;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Enrollment;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.WebConsole.Access;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The Device page in real headless chromium: the running identity, versions and log; the
/// enrollment bundle upload (refusals change nothing, a valid bundle is written and audited); and
/// the console's generated HTTPS certificate, checked by its logged fingerprint and kept across starts.
/// </summary>
public sealed partial class ConsoleDeviceTests(ConsoleFixture site, AgencyPki pki) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task The_Device_Page_Shows_The_Identity_Versions_And_The_Recent_Log_Encoded()
    {
        var marker = $"marker-{Guid.NewGuid():N}";
        site.Loggers.CreateLogger("EdgeIngest.Tests.DevicePage").LogWarning("<b>{Marker}</b> & a line the page must not take for markup", marker);

        var page = await OpenDevicePageAsync();

        Assert.Equal(site.Config.Device.Id, await page.InnerTextAsync("[data-field=device-id]"));
        Assert.Contains("Not enrolled", await page.InnerTextAsync("[data-field=enrollment]"), StringComparison.Ordinal);
        Assert.Equal("plain MQTT, no TLS", await page.InnerTextAsync("[data-field=tls]"));
        Assert.Equal(0, await page.Locator("[data-field=pending]").CountAsync());
        Assert.Contains(TestAgency.Key.KeyId, await page.InnerTextAsync("[data-field=agency-key]"), StringComparison.Ordinal);
        Assert.Equal(AgencyConnection.DeviceVersion, await page.InnerTextAsync("[data-field=version]"));
        Assert.StartsWith(".NET 10", await page.InnerTextAsync("[data-field=dotnet]"), StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", await page.InnerTextAsync("[data-field=onnxruntime]"));
        Assert.StartsWith("ffmpeg version", await page.InnerTextAsync("[data-field=ffmpeg]"), StringComparison.Ordinal);
        var models = await page.InnerTextAsync("[data-field=models]");
        Assert.Contains(".onnx", models, StringComparison.Ordinal);
        Assert.DoesNotContain("MISSING", models, StringComparison.Ordinal);

        var log = await page.InnerTextAsync("[data-field=log]");
        Assert.Contains($"<b>{marker}</b> & a line the page must not take for markup", log, StringComparison.Ordinal);
        Assert.Contains("Web console at", log, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-field=log] b").CountAsync());
        Assert.True(log.IndexOf(marker, StringComparison.Ordinal) < log.IndexOf("Web console at", StringComparison.Ordinal), "newest first");
        await ConsoleFixture.ScreenshotAsync(page, "device");

        var phone = await OpenDevicePageAsync(390, 844);
        Assert.Equal(site.Config.Device.Id, await phone.InnerTextAsync("[data-field=device-id]"));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on a phone");
        await ConsoleFixture.ScreenshotAsync(phone, "device-phone");
    }

    [Fact]
    public async Task Anything_But_A_Valid_Bundle_Is_Refused_With_The_Validators_Words_And_Changes_Nothing()
    {
        using var workspace = new EnrollmentWorkspace(pki);
        var good = EnrollmentBundleJson.Write(EnrollmentCreator.Create(workspace.Request("gate-02"), DateTimeOffset.UtcNow));
        var broken = JsonNode.Parse(good)!.AsObject();
        broken.Remove("device_key");
        var page = await OpenDevicePageAsync();
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Clip = new Clip { X = 0, Y = 0, Width = 40, Height = 40 } });
        byte[] largePhoto = [.. png, .. RandomNumberGenerator.GetBytes(100_000)];
        (string Name, byte[] Content, string Expected)[] uploads =
        [
            ("gate.png", png, "not an enrollment bundle (not JSON"),
            ("notes.txt", "this is a photo of the gate, not a bundle"u8.ToArray(), "not an enrollment bundle (not JSON"),
            ("hotlist.json", """{"schema": "edgeingest.hotlist/1", "entries": []}"""u8.ToArray(), $"schema: 'edgeingest.hotlist/1' — expected '{EnrollmentBundle.SchemaV1}'"),
            ("settings.json", """{"cameras": []}"""u8.ToArray(), "not an enrollment bundle (no \"schema\""),
            ("broken-bundle.json", Encoding.UTF8.GetBytes(broken.ToJsonString()), "device_key: missing"),
        ];
        var configFile = site.Config.SourceFile!;
        var before = ConfigSnapshot(configFile);
        var auditBefore = site.Appliance.Records.Audit.Count;

        foreach (var (name, content, expected) in uploads)
        {
            var response = await UploadAsync(page, name, content);

            Assert.Equal(422, response.Status);
            var problem = await page.InnerTextAsync("[role=alert]");
            Assert.StartsWith("Refused, nothing was changed: ", problem, StringComparison.Ordinal);
            Assert.Contains($"'{name}'", problem, StringComparison.Ordinal);
            Assert.Contains(expected, problem, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("[data-field=configured]").CountAsync());
        }

        await ConsoleFixture.ScreenshotAsync(page, "device-refused");

        // A file larger than any bundle is refused before it is read.
        var tooLarge = await UploadAsync(page, "gate-full.png", largePhoto);
        Assert.Equal(413, tooLarge.Status);
        Assert.Contains($"the console accepts at most {ConsoleLimits.MaxUploadBytes / 1024} KB", await page.InnerTextAsync("body"), StringComparison.Ordinal);

        Assert.Equal(before, ConfigSnapshot(configFile));
        Assert.DoesNotContain(AuditKinds.ConsoleEnrollmentApplied, NewestRecords(auditBefore).Select(r => r.Kind));
    }

    [Fact]
    public async Task A_Valid_Bundle_Is_Written_Audited_Without_Its_Key_And_Said_To_Take_Effect_On_Restart()
    {
        using var workspace = new EnrollmentWorkspace(pki);
        var bundle = EnrollmentCreator.Create(workspace.Request("gate-enrolled-01", agreementFile: workspace.WriteAgreement(TestAgency.Agreement(3))), DateTimeOffset.UtcNow);

        // A copy of the running configuration, so the fixture's own file stays as the appliance read it.
        var running = site.Config.SourceFile!;
        var folder = Directory.CreateTempSubdirectory("edgeingest-console-enroll-").FullName;
        var copy = Path.Combine(folder, EnrollmentFiles.ConfigFile);
        File.Copy(running, copy);
        var runningBytes = File.ReadAllBytes(running);
        site.Config.SourceFile = copy;
        try
        {
            var auditBefore = site.Appliance.Records.Audit.Count;
            var page = await OpenDevicePageAsync();
            var response = await UploadAsync(page, "gate-enrolled-01.json", EnrollmentBundleJson.Write(bundle));

            Assert.Equal(200, response.Status);
            var said = await page.InnerTextAsync("[data-field=configured]");
            Assert.Contains("device id:      gate-enrolled-01 (was test-device)", said, StringComparison.Ordinal);
            Assert.Contains("broker:         mqtt.agency.example:8883, TLS", said, StringComparison.Ordinal);
            Assert.Contains("agreement:      agr-test version 3", said, StringComparison.Ordinal);
            Assert.Contains("takes effect when the service restarts", said, StringComparison.Ordinal);
            Assert.Contains(copy, said, StringComparison.Ordinal);

            // Written as enroll apply writes it; the running identity is unchanged until a restart.
            var editor = DeviceConfigEditor.Open(copy);
            Assert.Equal(("gate-enrolled-01", "mqtt.agency.example", EnrollmentFiles.DeviceKey), (editor.Get("device.id"), editor.Get("broker.host"), editor.Get("broker.tls.key_file")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, EnrollmentFiles.DeviceKey)));
            }

            Assert.Equal(bundle.DeviceCertificatePem, File.ReadAllText(Path.Combine(folder, EnrollmentFiles.DeviceCertificate)));
            Assert.Equal(site.Config.Device.Id, await page.InnerTextAsync("[data-field=device-id]"));
            Assert.Contains("now names device gate-enrolled-01 at broker mqtt.agency.example:8883 with TLS", await page.InnerTextAsync("[data-field=pending]"), StringComparison.Ordinal);
            Assert.Equal(runningBytes, File.ReadAllBytes(running));

            var record = Assert.Single(NewestRecords(auditBefore), r => r.Kind == AuditKinds.ConsoleEnrollmentApplied);
            var fields = record.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            Assert.Equal("gate-enrolled-01", fields[AuditFields.DeviceId]);
            Assert.Equal("mqtt.agency.example:8883", fields[AuditFields.Broker]);
            Assert.Equal("3", fields[AuditFields.AgreementVersion]);
            Assert.True(EdgeIngest.Hotlists.IsoTimestamps.TryParse(fields[AuditFields.CertificateExpires], out var expires));
            Assert.InRange(expires, DateTimeOffset.UtcNow.Add(DeviceCertificateIssuer.DefaultValidity).AddHours(-1), DateTimeOffset.UtcNow.Add(DeviceCertificateIssuer.DefaultValidity));
            Assert.DoesNotContain(record.Fields, f => f.Value.Contains("PRIVATE KEY", StringComparison.Ordinal));
            await ConsoleFixture.ScreenshotAsync(page, "device-enrolled");
        }
        finally
        {
            site.Config.SourceFile = running;
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_Generated_Certificate_Speaks_Https_With_The_Logged_Fingerprint_And_Is_Kept_On_The_Next_Start()
    {
        var folder = Directory.CreateTempSubdirectory("edgeingest-console-https-").FullName;
        new PasswordStore(folder).Set(ConsoleFixture.Password);
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        site.Config.Console.Https = ConsoleConfig.HttpsOn;
        try
        {
            string first;
            await using (var console = await ConsoleHost.StartAsync(site.Appliance, site.Config, folder, loggers, CancellationToken.None))
            {
                Assert.Equal("https", console.Address.Scheme);
                var (logged, how) = LoggedFingerprint(logs, 1);
                Assert.Equal("generated on first run", how);
                Assert.Equal(console.CertificateFingerprint, logged);
                first = logged;

                Assert.Equal(HttpStatusCode.OK, await GetLoginAsync(console.Address, first));
                await Assert.ThrowsAsync<HttpRequestException>(() => GetLoginAsync(console.Address, new string('0', 64)));
            }

            await using (var again = await ConsoleHost.StartAsync(site.Appliance, site.Config, folder, loggers, CancellationToken.None))
            {
                var (logged, how) = LoggedFingerprint(logs, 2);
                Assert.Equal("kept from an earlier start", how);
                Assert.Equal(first, logged);
                Assert.Equal(HttpStatusCode.OK, await GetLoginAsync(again.Address, first));

                // The owner sees the same fingerprint on the Device page.
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(again.Address, "login").ToString());
                await page.FillAsync("input[name=Password]", ConsoleFixture.Password);
                await page.ClickAsync("button[type=submit]");
                await page.WaitForURLAsync(again.Address.ToString());
                await page.GotoAsync(new Uri(again.Address, "device").ToString());
                Assert.Equal(first, await page.InnerTextAsync("[data-field=fingerprint]"));
                Assert.Contains("kept from an earlier start", await page.InnerTextAsync("[data-field=https]"), StringComparison.Ordinal);
            }
        }
        finally
        {
            site.Config.Console.Https = ConsoleConfig.HttpsAuto;
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<IPage> OpenDevicePageAsync(int width = 1100, int height = 800)
    {
        var page = await site.SignedInPageAsync(width, height);
        await page.GotoAsync(new Uri(site.Address, "device").ToString());
        return page;
    }

    private static async Task<IResponse> UploadAsync(IPage page, string name, byte[] content)
    {
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
        return await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form[enctype] button[type=submit]"), r => r.Request.Method == "POST");
    }

    /// <summary>The configuration file's bytes and every file in its certs folder: what an upload must not touch when refused.</summary>
    private static SortedDictionary<string, string> ConfigSnapshot(string configFile)
    {
        var folder = Path.GetDirectoryName(configFile)!;
        var certs = Path.Combine(folder, "certs");
        var files = new[] { configFile }.Concat(Directory.Exists(certs) ? Directory.EnumerateFiles(certs, "*", SearchOption.AllDirectories) : []);
        return new(files.ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);
    }

    private List<AuditRecord> NewestRecords(long afterCount) =>
        [.. AuditReader.ReadRecords(AuditPaths.Under(site.Config.Storage.Directory)).Where(r => r.Seq > afterCount)];

    /// <summary>The fingerprint and outcome from the <paramref name="nth"/> certificate line the console logged.</summary>
    private static (string Fingerprint, string How) LoggedFingerprint(InMemoryLoggerProvider logs, int nth)
    {
        var lines = logs.Lines.Where(l => l.EventId == 903).ToList();
        Assert.Equal(nth, lines.Count);
        var match = CertificateLine().Match(lines[^1].Message);
        Assert.True(match.Success, lines[^1].Message);
        return (match.Groups["fingerprint"].Value, match.Groups["how"].Value);
    }

    /// <summary>GET /login over HTTPS, trusting the server only if its certificate has this SHA-256 fingerprint.</summary>
    private static async Task<HttpStatusCode> GetLoginAsync(Uri address, string fingerprint)
    {
        var expected = fingerprint.Replace(":", "", StringComparison.Ordinal);
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == expected,
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri(address, "login"), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [GeneratedRegex("a self-signed certificate (?<how>.+?) \\(.*SHA-256 fingerprint (?<fingerprint>([0-9A-F]{2}:){31}[0-9A-F]{2})")]
    private static partial Regex CertificateLine();
}
