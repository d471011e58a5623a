using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Footage;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// Footage requests through the whole chain as deployed (docs/footage.md): the agency asks with
/// <c>edgeingest request footage</c>, the device refuses what it must at once and keeps the rest
/// waiting for the owner, the owner answers in the console in real headless chromium, and the
/// receiver stores the approved window by case number with its chain-of-custody record. A
/// subscriber on <c>edgeingest/#</c> proves that nothing of a request left the device before the
/// owner's yes. The second scenario cuts the delivery with a broker outage and a kill -9 of the
/// service and checks that it finishes with the bytes and sha256 the device recorded.
/// </summary>
[Trait("Category", "Faults")]
public sealed class FootageRequestTests(AgencyPki pki)
{
    private const string Case = "2026-004512";
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Requests_Wait_For_The_Owner_And_Only_The_Approved_Window_Reaches_The_Agency_Verified()
    {
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions { Footage = true });
        try
        {
            await using var witness = await TopicWitness.StartAsync(pki, rig.Broker);
            await WaitForRecordingAsync(rig, TimeSpan.FromSeconds(30));
            var now = DateTimeOffset.UtcNow;

            // Refused at once, each with its reason, and nothing stored for the owner.
            await AssertRefusedAsync(rig, "fr-too-long", now.AddHours(-13), now, FaultRig.CameraId, "longer than");
            await AssertRefusedAsync(rig, "fr-no-camera", now.AddSeconds(-20), now.AddSeconds(-10), "back-door", FaultRig.CameraId);
            await AssertRefusedAsync(rig, "fr-too-old", now.AddDays(-3), now.AddDays(-3).AddMinutes(10), FaultRig.CameraId, "oldest");

            // Three requests wait, while no one is signed in to the console.
            var window = (From: now.AddSeconds(-24), To: now.AddSeconds(-8));
            await AssertPendingAsync(rig, "fr-all", window.From, window.To);
            await AssertPendingAsync(rig, "fr-declined", window.From, window.To);
            await AssertPendingAsync(rig, "fr-shorter", window.From, window.To);
            await Task.Delay(TimeSpan.FromSeconds(5), FaultTiming.Cancellation);
            Assert.True(witness.About("footage").Count == 0, $"before any answer the broker carried {string.Join(", ", witness.About("footage").Select(m => m.Topic))}");
            Assert.False(Directory.Exists(Path.Combine(rig.Workspace.ReceiverOutput, "footage", Case, "fr-all")), "the receiver has a folder for fr-all before the owner answered");

            // The owner answers in the browser: all of one, a shorter window of another, declines the third.
            var shorter = (From: WholeSecond(window.From).AddSeconds(4), To: WholeSecond(window.From).AddSeconds(12));
            var answeredAt = DateTimeOffset.UtcNow;
            await using (var browser = await OwnerBrowser.SignInAsync(rig.Workspace.ConsoleAddress!))
            {
                await browser.ApproveAllAsync("fr-all");
                await browser.ApproveWindowAsync("fr-shorter", shorter.From, shorter.To);
                await browser.DeclineAsync("fr-declined", "Not on our property's side of the street.");
                await WebConsole.ConsoleFixture.ScreenshotAsync(browser.Page, "requests-answered-end-to-end");
            }

            var all = await WaitForDeliveryAsync(rig, "fr-all");
            var part = await WaitForDeliveryAsync(rig, "fr-shorter");
            var declined = await WaitForStatusAsync(rig, "fr-declined", FootageStates.Declined);

            // Whole request: custody names who asked and who approved, the file is the manifest's bytes.
            AssertCustody(all, "fr-all", window.From, window.To);
            AssertCustody(part, "fr-shorter", shorter.From, shorter.To);
            var wholeVideo = await VideoSecondsAsync(all.File);
            var shortVideo = await VideoSecondsAsync(part.File);
            Assert.True(wholeVideo >= 14 && wholeVideo <= 16 + 4.5, $"fr-all's file holds {wholeVideo:0.0} s for a 16 s window");
            Assert.True(shortVideo >= 7 && shortVideo <= 8 + 4.5, $"fr-shorter's file holds {shortVideo:0.0} s for an 8 s window");
            Assert.True(shortVideo < wholeVideo, $"the shorter window's file ({shortVideo:0.0} s) is not shorter than the whole one ({wholeVideo:0.0} s)");
            Assert.Contains("Not on our property's side of the street.", declined.Select(d => d.GetProperty("reason").GetString()));
            Assert.False(File.Exists(Path.Combine(rig.Workspace.ReceiverOutput, "footage", Case, "fr-declined", "custody.json")), "a declined request has footage at the agency");

            // Nothing of any request crossed the broker before the owner's answer; nothing of the declined one at all.
            var early = witness.About("/footage").Where(m => m.At < answeredAt).ToList();
            Assert.True(early.Count == 0, $"sent before the owner answered: {string.Join(", ", early.Select(m => m.Topic))}");
            Assert.Empty(witness.About("/footage/fr-declined/"));
            Assert.NotEmpty(witness.About("/footage/fr-all/"));

            // The device's audit accounts for every step.
            await WaitForAuditAsync(rig, "footage_delivered", 2);
            AssertAuditCount(rig, "footage_refused", 3);
            AssertAuditCount(rig, "footage_received", 3);
            AssertAuditCount(rig, "footage_approved", 2);
            AssertAuditCount(rig, "footage_declined", 1);
            AssertAuditCount(rig, "footage_delivered", 2);
        }
        finally
        {
            await rig.SaveLogsAsync("footage-owner-answers");
        }
    }

    [Fact]
    public async Task A_Delivery_Cut_By_A_Broker_Outage_And_A_Kill_9_Finishes_With_The_Recorded_Bytes()
    {
        await using var rig = await FaultRig.StartAsync(pki, new FaultRigOptions { Footage = true });
        try
        {
            await WaitForRecordingAsync(rig, TimeSpan.FromSeconds(40));
            var now = DateTimeOffset.UtcNow;
            var window = (From: now.AddSeconds(-36), To: now.AddSeconds(-6));
            await AssertPendingAsync(rig, "fr-resume", window.From, window.To);

            // The owner approves while the agency's broker is down; the service is killed before it
            // could send anything, then started again, and only then does the broker come back.
            var wall = Stopwatch.StartNew();
            await rig.Broker.StopAsync();
            await using (var browser = await OwnerBrowser.SignInAsync(rig.Workspace.ConsoleAddress!))
            {
                await browser.ApproveAllAsync("fr-resume");
            }

            await rig.Service.WaitForAsync(l => l.Any(x => x.Contains("fr-resume", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), "the service logged the approval of fr-resume");
            await Task.Delay(TimeSpan.FromSeconds(2), FaultTiming.Cancellation);
            await rig.Service.KillAsync();
            await rig.Service.RestartAsync();
            await Task.Delay(TimeSpan.FromSeconds(3), FaultTiming.Cancellation);
            await rig.Broker.StartAgainAsync();

            var delivered = await WaitForDeliveryAsync(rig, "fr-resume");
            AssertCustody(delivered, "fr-resume", window.From, window.To);

            // The agency's file is exactly the device's recorded segments of the window, in order.
            var segments = RecordedSegments(rig, delivered.StartsAt, delivered.EndsAt);
            Assert.True(segments.Count >= 10, $"only {segments.Count} recorded segments span the delivered video");
            using var concatenated = new MemoryStream();
            foreach (var segment in segments)
            {
                await using var file = File.OpenRead(segment);
                await file.CopyToAsync(concatenated, FaultTiming.Cancellation);
            }

            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(concatenated.ToArray())), delivered.Sha256);
            Assert.Equal(delivered.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(delivered.File, FaultTiming.Cancellation))));
            await WaitForAuditAsync(rig, "footage_delivered", 1);
            AssertAuditCount(rig, "footage_approved", 1);
            AssertAuditCount(rig, "footage_delivered", 1);
            var figures = Directory.CreateDirectory(Path.Combine(Installation.InstallLayout.Root, ".test-artifacts", "faults", "footage-outage-and-kill")).FullName;
            await File.WriteAllTextAsync(
                Path.Combine(figures, "figures.txt"),
                string.Create(CultureInfo.InvariantCulture, $"delivered {delivered.Bytes} bytes in {segments.Count} segments, sha256 {delivered.Sha256}, {wall.Elapsed.TotalSeconds:0.0} s from the approval (broker down, a kill -9, a restart)\n"),
                FaultTiming.Cancellation);
        }
        finally
        {
            await rig.SaveLogsAsync("footage-outage-and-kill");
        }
    }

    private static async Task WaitForRecordingAsync(FaultRig rig, TimeSpan span)
    {
        var deadline = DateTime.UtcNow + span + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var spans = Spans(rig).ToList();
            if (spans.Count > 0 && spans[^1].End - spans[0].Start >= span)
            {
                return;
            }

            await Task.Delay(500, FaultTiming.Cancellation);
        }

        Assert.Fail($"the device recorded less than {span.TotalSeconds} s of camera '{FaultRig.CameraId}' in {rig.Workspace.RecordingFolder}");
    }

    /// <summary>The recording's segments by their names' spans (<c>{startUnixMs}-{endUnixMs}.ts</c>), oldest first.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string Path)> Spans(FaultRig rig) =>
        Directory.Exists(rig.Workspace.RecordingFolder)
            ? Directory.EnumerateFiles(rig.Workspace.RecordingFolder, "*.ts")
                .Select(path => (Name: System.IO.Path.GetFileNameWithoutExtension(path).Split('-'), Path: path))
                .Where(f => f.Name.Length == 2)
                .Select(f => (DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f.Name[0], CultureInfo.InvariantCulture)), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f.Name[1], CultureInfo.InvariantCulture)), f.Path))
                .OrderBy(s => s.Item1)
            : [];

    private static List<string> RecordedSegments(FaultRig rig, DateTimeOffset from, DateTimeOffset to) =>
        [.. Spans(rig).Where(s => s.End > from && s.Start < to).Select(s => s.Path)];

    private static async Task AssertRefusedAsync(FaultRig rig, string id, DateTimeOffset from, DateTimeOffset to, string camera, string reason)
    {
        var run = await RequestAsync(rig, id, from, to, camera);
        Assert.True(run.ExitCode == 1, $"request {id} ended {run.ExitCode}, not 1 (refused): {run.StandardOutput} {run.StandardError}");
        Assert.Contains("refused", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.Contains(reason, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    private static async Task AssertPendingAsync(FaultRig rig, string id, DateTimeOffset from, DateTimeOffset to)
    {
        var run = await RequestAsync(rig, id, from, to, FaultRig.CameraId);
        Assert.True(run.ExitCode == 0, $"request {id} ended {run.ExitCode}, not 0 (pending): {run.StandardOutput} {run.StandardError}");
        Assert.Contains("pending", run.StandardOutput, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> RequestAsync(FaultRig rig, string id, DateTimeOffset from, DateTimeOffset to, string camera) =>
        CliAsync(
            "request", "footage", "--config", rig.Workspace.ReceiverConfig, "--device", FaultRig.DeviceId, "--camera", camera,
            "--from", from.ToString("O", CultureInfo.InvariantCulture), "--to", to.ToString("O", CultureInfo.InvariantCulture),
            "--case", Case, "--reason", "burglary", "--officer", "Det. A. Ruiz #4411", "--id", id, "--wait", "30");

    private static Task<ProcessResult> CliAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(90));

    private static async Task<Delivered> WaitForDeliveryAsync(FaultRig rig, string id)
    {
        var folder = Path.Combine(rig.Workspace.ReceiverOutput, "footage", Case, id);
        var custody = Path.Combine(folder, "custody.json");
        var deadline = DateTime.UtcNow + DeliveryPatience;
        while (!File.Exists(custody))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no custody.json for {id} at the agency within {DeliveryPatience.TotalSeconds} s; the receiver has {string.Join(", ", Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(Path.GetFileName) : ["nothing"])}");
            await Task.Delay(250, FaultTiming.Cancellation);
        }

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(custody, FaultTiming.Cancellation));
        var root = json.RootElement.Clone();
        var file = root.GetProperty("files")[0];
        return new Delivered(
            root,
            Path.Combine(folder, file.GetProperty("file").GetString()!),
            file.GetProperty("sha256").GetString()!,
            file.GetProperty("bytes").GetInt64(),
            file.GetProperty("starts_at").GetDateTimeOffset(),
            file.GetProperty("ends_at").GetDateTimeOffset());
    }

    /// <summary>The request's status lines at the agency, once one of them is <paramref name="state"/>.</summary>
    private static async Task<IReadOnlyList<JsonElement>> WaitForStatusAsync(FaultRig rig, string id, string state)
    {
        var log = Path.Combine(rig.Workspace.ReceiverOutput, "footage", Case, id, "status.jsonl");
        var deadline = DateTime.UtcNow + DeliveryPatience;
        while (true)
        {
            var lines = File.Exists(log)
                ? (await File.ReadAllLinesAsync(log, FaultTiming.Cancellation)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList()
                : [];
            if (lines.Any(l => l.GetProperty("state").GetString() == state))
            {
                return lines;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no '{state}' status of {id} at the agency within {DeliveryPatience.TotalSeconds} s");
            await Task.Delay(250, FaultTiming.Cancellation);
        }
    }

    /// <summary>The device records a delivery once the receiver's confirmations reach it, a moment after the files are stored.</summary>
    private static async Task WaitForAuditAsync(FaultRig rig, string kind, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (AuditLines(rig).Count(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString() == kind) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, FaultTiming.Cancellation);
        }
    }

    private static void AssertCustody(Delivered delivered, string id, DateTimeOffset approvedFrom, DateTimeOffset approvedTo)
    {
        var custody = delivered.Custody;
        Assert.Equal(id, custody.GetProperty("request_id").GetString());
        Assert.Equal(Case, custody.GetProperty("case_number").GetString());
        Assert.Equal("Det. A. Ruiz #4411", custody.GetProperty("officer").GetString());
        Assert.Equal("burglary", custody.GetProperty("reason_code").GetString());
        Assert.Equal(EdgeIngest.Footage.FootageRequests.ConsoleOwner, custody.GetProperty("approved_by").GetString());
        Assert.Equal(WholeSecond(approvedFrom), WholeSecond(custody.GetProperty("approved_from").GetDateTimeOffset()));
        Assert.Equal(WholeSecond(approvedTo), WholeSecond(custody.GetProperty("approved_to").GetDateTimeOffset()));
        Assert.True(custody.GetProperty("approval_audit_position").GetProperty("sequence").GetInt64() > 0, $"custody of {id} has no audit position of the approval");
        Assert.Equal(delivered.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(delivered.File))));
        Assert.True(delivered.StartsAt <= approvedFrom.AddSeconds(1) && delivered.EndsAt >= approvedTo.AddSeconds(-1), $"{id}'s video spans {delivered.StartsAt:O} to {delivered.EndsAt:O}, not the approved {approvedFrom:O} to {approvedTo:O}");
    }

    private static async Task<double> VideoSecondsAsync(string file)
    {
        var probe = await ProcessRunner.RunCheckedAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], TimeSpan.FromSeconds(20));
        return double.Parse(probe.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    private static string[] AuditLines(FaultRig rig) =>
        File.ReadAllLines(Path.Combine(rig.Workspace.Directory, "data", "audit", "audit.jsonl"));

    private static void AssertAuditCount(FaultRig rig, string kind, int expected)
    {
        var kinds = AuditLines(rig).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()!).ToList();
        var count = kinds.Count(k => k == kind);
        Assert.True(count == expected, $"the device audit has {count} {kind} records, not {expected}; its kinds: {string.Join(", ", kinds.Distinct())}");
    }

    /// <summary>The datetime-local inputs of the console take whole seconds.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    private sealed record Delivered(JsonElement Custody, string File, string Sha256, long Bytes, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
}
