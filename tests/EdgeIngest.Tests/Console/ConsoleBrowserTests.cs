using System.Net;
using EdgeIngest.Audit;
using EdgeIngest.Hotlists;
using EdgeIngest.Records;
using EdgeIngest.WebConsole.Access;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The owner's web console in real headless chromium, against a running appliance (real broker,
/// demo camera, real audit, store and agreement). Each test takes a screenshot into
/// .test-artifacts/console/.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleFixture site) : IClassFixture<ConsoleFixture>
{
    private static readonly string[] Pages = ["", "cameras", "cameras/edit?id=entrance", "hits", "reads", "requests", "agreement", "audit", "report", "password"];

    [Fact]
    public async Task First_Run_Sets_The_Password_Only_Through_The_Setup_Token_And_Then_Closes_The_Page()
    {
        var console = await site.StartFreshConsoleAsync();
        Assert.NotNull(console.SetupLink);
        var page = await site.NewPageAsync();

        // Without a password, the login page points to the setup link and offers no form.
        await page.GotoAsync(new Uri(console.Address, "login").ToString());
        Assert.Contains("no password yet", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("input[name=Password]").CountAsync());

        // The first-run page refuses a wrong token.
        var refused = await page.GotoAsync(new Uri(console.Address, "setup?token=0123456789abcdef").ToString());
        Assert.Equal(403, refused!.Status);
        Assert.Contains("not valid", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync(console.SetupLink);
        await ConsoleFixture.ScreenshotAsync(page, "setup");
        await page.FillAsync("input[name=Password]", "short");
        await page.FillAsync("input[name=Confirmation]", "short");
        await page.EvaluateAsync("document.querySelectorAll('input').forEach(i => i.removeAttribute('minlength'))");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains($"at least {PasswordRules.MinLength} characters", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);

        var before = site.Appliance.Records.Audit.Count;
        await page.FillAsync("input[name=Password]", "a new owner password");
        await page.FillAsync("input[name=Confirmation]", "a new owner password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(console.Address.ToString());
        Assert.Contains("Status of test-device", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        var kinds = NewestKinds(before);
        Assert.Contains(AuditKinds.ConsolePasswordSet, kinds);
        Assert.Contains(AuditKinds.ConsoleLogin, kinds);

        // Once set, the setup link is closed: it leads to the login.
        await page.GotoAsync(console.SetupLink);
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Wrong_Password_Is_Refused_With_A_Message_And_Audited()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "login").ToString());
        var before = site.Appliance.Records.Audit.Count;
        await page.FillAsync("input[name=Password]", "not the password");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(401, answer.Status);
        Assert.Contains("Wrong password", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await ConsoleFixture.ScreenshotAsync(page, "login-wrong-password");
        Assert.Contains(AuditKinds.ConsoleLoginFailed, NewestKinds(before));

        // Nothing opened: the status page still sends this browser to the login.
        await page.GotoAsync(site.Address.ToString());
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // The right password still works afterwards (and resets the count).
        await page.FillAsync("input[name=Password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(site.Address.ToString());
    }

    [Fact]
    public async Task Every_Page_Redirects_To_The_Login_Without_A_Session_And_The_Downloads_Answer_401()
    {
        var page = await site.NewPageAsync();
        foreach (var path in Pages)
        {
            await page.GotoAsync(new Uri(site.Address, path).ToString());
            Assert.True(new Uri(page.Url).AbsolutePath == "/login", $"/{path} ended at {page.Url}, not the login");
            Assert.Equal(1, await page.Locator("input[name=Password]").CountAsync());
        }

        await ConsoleFixture.ScreenshotAsync(page, "login");

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        foreach (var download in new[] { "api/report.csv", "api/report.json", "evidence/any-event/plate.jpg", "scripts/zone-editor.js" })
        {
            using var answer = await http.GetAsync(new Uri(download, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        // A form posted without a session and without the antiforgery token changes nothing.
        using var verify = await http.PostAsync(new Uri("audit?handler=Verify", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.True(verify.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST /audit answered {verify.StatusCode}");
        var config = await File.ReadAllBytesAsync(site.Config.SourceFile!, TestContext.Current.CancellationToken);
        using var camera = await http.PostAsync(
            new Uri("cameras/edit?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent([new("NewId", "intruder"), new("Address", "rtsp://127.0.0.1/x")]),
            TestContext.Current.CancellationToken);
        Assert.True(camera.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST /cameras/edit answered {camera.StatusCode}");
        Assert.Equal(config, await File.ReadAllBytesAsync(site.Config.SourceFile!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_Hits_Page_Shows_A_Recorded_Hit_With_Its_Plate_Snapshot_Served_Only_With_A_Session()
    {
        var store = site.Appliance.Records.Store;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        RecordedHit? recorded;
        while ((recorded = site.Appliance.Router.Hits < 1 ? null : store.RecentHits(1).SingleOrDefault()) is null || store.EvidenceFileOf(recorded.EventId, "plate") is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no hit with a plate snapshot was recorded in 60 s (router hits {site.Appliance.Router.Hits})");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        // A covert hit, kept as the committer keeps one (no plate, category "covert"), an hour older than the real one.
        store.RecordHit(new RecordedHit("covert-hit-1", "entrance", recorded.At.AddHours(-1), "", "", EdgeIngest.Hits.HitCommitter.CovertCategory, MatchKind.Exact, 0, true, null, 1, 1));

        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "hits").ToString());
        await ConsoleFixture.ScreenshotAsync(page, "hits");
        var covert = page.Locator("li.hit[data-event='covert-hit-1']");
        Assert.Equal("A covert hit (details are not shown on the box).", await covert.Locator("[data-field=covert]").InnerTextAsync());
        Assert.Equal(0, await covert.Locator("img, [data-field=plate], [data-field=listed]").CountAsync());
        Assert.Equal(404, (await page.APIRequest.GetAsync(new Uri(site.Address, "evidence/covert-hit-1/plate.jpg").ToString())).Status);
        var row = page.Locator($"li.hit[data-event='{recorded.EventId}']");
        Assert.Equal("7ABC123", await row.Locator("[data-field=listed]").InnerTextAsync());
        Assert.Equal(recorded.Plate, await row.Locator("[data-field=plate]").InnerTextAsync());
        Assert.Contains("stolen vehicle", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("sent to the agency", await row.Locator("[data-field=disclosure]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(recorded.MatchKind != MatchKind.Exact, await row.Locator("[data-field=confirm]").CountAsync() == 1);

        // The snapshot loaded in the page, and its address answers a JPEG to this session only.
        var source = await row.Locator("img.plate").GetAttributeAsync("src");
        Assert.Equal($"/evidence/{recorded.EventId}/plate.jpg", source);
        Assert.True(await row.Locator("img.plate").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the plate snapshot did not load in the page");
        var image = await page.APIRequest.GetAsync(new Uri(site.Address, source).ToString());
        Assert.Equal(200, image.Status);
        Assert.Equal("image/jpeg", image.Headers["content-type"]);
        Assert.Equal(await File.ReadAllBytesAsync(store.EvidenceFileOf(recorded.EventId, "plate")!, TestContext.Current.CancellationToken), await image.BodyAsync());

        // Only what the store lists for an event: no other kind, no other event, no path out of the folder.
        foreach (var path in new[] { "evidence/no-such-event/plate.jpg", "evidence/..%2Frecords.db/plate.jpg", "evidence/..%2F..%2Fconsole/plate.jpg", $"evidence/{recorded.EventId}/frame.jpg" })
        {
            var refused = await page.APIRequest.GetAsync(new Uri(site.Address, path).ToString());
            Assert.True(refused.Status == 404, $"/{path} answered {refused.Status}");
        }

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        using var unauthorized = await anonymous.GetAsync(new Uri(source!.TrimStart('/'), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        // The read behind the hit is on the Reads page, kept on the box (only hits are shared).
        await page.GotoAsync(new Uri(site.Address, "reads").ToString());
        await ConsoleFixture.ScreenshotAsync(page, "reads");
        Assert.Contains(recorded.Plate, await page.InnerTextAsync("table.reads"), StringComparison.Ordinal);
        Assert.Contains("kept on this box", await page.InnerTextAsync("table.reads"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Agreement_Page_Says_With_Whom_Which_Categories_And_How_Long_In_Words()
    {
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "agreement").ToString());
        await ConsoleFixture.ScreenshotAsync(page, "agreement");
        Assert.Contains("Test County Sheriff", await page.InnerTextAsync("[data-field=summary]"), StringComparison.Ordinal);
        Assert.Contains("stolen vehicle", await page.InnerTextAsync("[data-field=categories]"), StringComparison.Ordinal);
        Assert.Contains("Only hits are sent", await page.InnerTextAsync("[data-field=shared]"), StringComparison.Ordinal);
        var retention = await page.InnerTextAsync("[data-field=retention]");
        Assert.Contains("Reads are kept on this box for 14 days, hits for 180 days, snapshots and clips for 45 days", retention, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Verify_From_The_Page_Finds_The_Chain_Intact_And_Lists_Records_In_Words()
    {
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "audit").ToString());
        var records = await page.InnerTextAsync("ol.records");
        Assert.Contains("The service started", records, StringComparison.Ordinal);
        Assert.Contains("The owner signed in to the web console from 127.0.0.1", records, StringComparison.Ordinal);

        await page.ClickAsync("text=Verify the whole chain");
        var verdict = await page.InnerTextAsync("[data-field=verdict]");
        Assert.StartsWith("Intact: all", verdict, StringComparison.Ordinal);
        Assert.Equal(AuditVerifier.Verify(AuditPaths.Under(site.Config.Storage.Directory)).Records.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Split(' ')[2]);
        await ConsoleFixture.ScreenshotAsync(page, "audit");
    }

    [Fact]
    public async Task Status_On_A_Phone_Shows_The_Camera_Streaming_Without_Horizontal_Scroll()
    {
        var page = await site.SignedInPageAsync(375, 667);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await page.InnerTextAsync("[data-camera=entrance] [data-field=state]") != "streaming")
        {
            Assert.True(DateTime.UtcNow < deadline, "the camera never showed as streaming on the Status page");
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }

        Assert.Contains("version 1", await page.InnerTextAsync("[data-field=hotlist]"), StringComparison.Ordinal);
        Assert.Contains("connected", await page.InnerTextAsync("[data-field=agency]"), StringComparison.Ordinal);
        Assert.Matches(@"\d", await page.InnerTextAsync("[data-field=disk]"));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"the page is {scrollWidth} px wide on a 375 px screen");
        await ConsoleFixture.ScreenshotAsync(page, "status-phone");

        foreach (var path in new[] { "hits", "reads", "requests", "agreement", "audit", "report" })
        {
            await page.GotoAsync(new Uri(site.Address, path).ToString());
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"/{path} is {width} px wide on a 375 px screen");
        }
    }

    [Fact]
    public async Task The_Report_Page_Shows_The_Report_And_Offers_It_As_Csv_And_Json()
    {
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "report").ToString());
        await ConsoleFixture.ScreenshotAsync(page, "report");
        Assert.Contains("Transparency report for device test-device", await page.InnerTextAsync("pre.report"), StringComparison.Ordinal);

        var csv = await page.APIRequest.GetAsync(new Uri(site.Address, "api/report.csv?days=7").ToString());
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("day,measure,category,detail,count", await csv.TextAsync(), StringComparison.Ordinal);
        var json = await page.APIRequest.GetAsync(new Uri(site.Address, "api/report.json").ToString());
        Assert.Contains("\"edgeingest.report/1\"", await json.TextAsync(), StringComparison.Ordinal);

        var bad = await page.GotoAsync(new Uri(site.Address, "report?days=0").ToString());
        Assert.Equal(400, bad!.Status);
        Assert.Contains("expected a whole number of days from 1 to 3650", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Oversized_Form_Is_Refused_With_413_And_A_Sentence()
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        using var form = new FormUrlEncodedContent([new("Password", new string('x', 64 * 1024))]);
        using var answer = await http.PostAsync(new Uri("login", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("at most 16 KB", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_Wrong_Passwords_Lock_The_Login_Even_For_The_Right_One_And_Are_Audited()
    {
        var console = await site.StartFreshConsoleAsync();
        var page = await site.NewPageAsync();
        await page.GotoAsync(console.SetupLink!);
        await page.FillAsync("input[name=Password]", "the lockout test password");
        await page.FillAsync("input[name=Confirmation]", "the lockout test password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(console.Address.ToString());
        await page.Context.ClearCookiesAsync();

        var before = site.Appliance.Records.Audit.Count;
        await page.GotoAsync(new Uri(console.Address, "login").ToString());
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            await page.FillAsync("input[name=Password]", $"wrong {i}");
            await page.ClickAsync("button[type=submit]");
        }

        Assert.Contains("The login is locked until", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        await page.FillAsync("input[name=Password]", "the lockout test password");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("The login is locked until", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await ConsoleFixture.ScreenshotAsync(page, "login-locked");

        var kinds = NewestKinds(before);
        Assert.Equal(LoginThrottle.MaxFailures, kinds.Count(k => k == AuditKinds.ConsoleLoginFailed));
        Assert.Single(kinds, AuditKinds.ConsoleLockout);
    }

    [Fact]
    public async Task With_The_Owners_Certificate_The_Console_Speaks_Https_And_Its_Cookies_Are_Secure()
    {
        var (certFile, keyFile) = site.WriteOwnerCertificate();
        var console = await site.StartFreshConsoleAsync(certFile, keyFile);
        Assert.Equal("https", console.Address.Scheme);

        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, AllowAutoRedirect = false };
        using var https = new HttpClient(handler) { BaseAddress = console.Address };
        using var setup = await https.GetAsync(new Uri(console.SetupLink!), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var cookies = setup.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    private List<string> NewestKinds(long afterCount) =>
        [.. AuditReader.ReadRecords(AuditPaths.Under(site.Config.Storage.Directory)).Where(r => r.Seq > afterCount).Select(r => r.Kind)];
}
