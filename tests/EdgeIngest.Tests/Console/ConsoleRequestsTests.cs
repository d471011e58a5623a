using System.Net;
using EdgeIngest.Audit;
using EdgeIngest.Footage;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The owner's Requests page in real headless chromium: a footage request the agency sends to the
/// device's commands topic waits there with stills from the recording, and only the owner's answer
/// in the page approves (all or a shorter window) or declines it; nothing is sent to the agency
/// before. Each test asks with its own request id, for a window of the demo camera's recording;
/// screenshots go to .test-artifacts/console/.
/// </summary>
public sealed class ConsoleRequestsTests(FootageConsoleFixture site) : IClassFixture<FootageConsoleFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static TimeZoneInfo Zone => TimeZoneInfo.Local;

    [Fact]
    public async Task The_Requests_Page_Needs_A_Session_And_Its_Stills_Answer_401_Without_One()
    {
        var request = await site.AskAsync("fr-session-1", site.Oldest, site.Oldest.AddSeconds(10));
        var page = await site.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        Assert.True(new Uri(page.Url).AbsolutePath == "/login", $"/requests ended at {page.Url}, not the login");

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        using var still = await http.GetAsync(new Uri($"footage/{request.RequestId}/entrance/start.jpg", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, still.StatusCode);

        // An answer posted without a session (and without the antiforgery token) changes nothing.
        using var approve = await http.PostAsync(
            new Uri("requests?handler=Approve", UriKind.Relative),
            new FormUrlEncodedContent([new("Id", request.RequestId)]),
            TestContext.Current.CancellationToken);
        Assert.True(approve.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST /requests answered {approve.StatusCode}");
        Assert.Equal(FootageStates.Pending, site.Requests.Get(request.RequestId)!.State);
        Assert.Empty(site.SentAbout(request.RequestId));
    }

    [Fact]
    public async Task A_Pending_Request_Shows_Who_Asked_Why_And_For_What_With_A_Preview_That_Loads_As_Jpeg()
    {
        // Sent while no one is signed in to the console: it waits there.
        var (from, to) = (site.Oldest, site.Oldest.AddSeconds(20));
        var request = await site.AskAsync("fr-show-1", from, to, note: "white van, rear door");

        // Another request whose window begins before the oldest video held: only its end has video.
        var early = await site.AskAsync("fr-show-2", site.Oldest.AddSeconds(-60), site.Oldest.AddSeconds(12), caseNumber: "2026-004513");

        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        var waiting = site.Requests.List().Count(r => r.IsPending);
        Assert.Equal($"Requests ({waiting})", await page.InnerTextAsync("nav [data-field=requests-link]"));
        var promise = await page.InnerTextAsync("[data-field=promise]");
        Assert.Contains("No video leaves this box unless you approve it here", promise, StringComparison.Ordinal);
        Assert.Contains("A request you do not answer expires at the time shown", promise, StringComparison.Ordinal);

        var card = page.Locator($"section.request[data-request='{request.RequestId}']");
        Assert.Equal("2026-004512", await card.Locator("[data-field=case]").InnerTextAsync());
        Assert.Equal("Det. A. Ruiz #4411", await card.Locator("[data-field=officer]").InnerTextAsync());
        Assert.Equal("burglary", await card.Locator("[data-field=reason]").InnerTextAsync());
        Assert.Equal("white van, rear door", await card.Locator("[data-field=note]").InnerTextAsync());
        Assert.Equal("entrance", await card.Locator("[data-field=cameras]").InnerTextAsync());
        Assert.Equal(PlainWords.LocalWindow(from, to, Zone), await card.Locator("[data-field=window]").InnerTextAsync());
        Assert.Equal("(20 s)", await card.Locator("[data-field=length]").InnerTextAsync());
        Assert.Equal(PlainWords.LocalInstant(request.ExpiresAt, Zone), await card.Locator("[data-field=expires]").InnerTextAsync());
        Assert.Equal("expires in 7 days", await card.Locator("[data-field=expires-in]").InnerTextAsync());

        // Three stills of the one camera, from its recording, each loaded in the page and answered as a JPEG.
        Assert.Equal(3, await card.Locator("figure.still img").CountAsync());
        foreach (var point in FootageStills.Points)
        {
            var img = card.Locator($"figure.still[data-point={point}] img");
            await WaitForLoadAsync(img, $"the {point} still of {request.RequestId}");
            var source = await img.GetAttributeAsync("src");
            Assert.Equal($"/footage/{request.RequestId}/entrance/{point}.jpg", source);
            var image = await page.APIRequest.GetAsync(new Uri(site.Address, source).ToString());
            Assert.Equal(200, image.Status);
            Assert.Equal("image/jpeg", image.Headers["content-type"]);
            var bytes = await image.BodyAsync();
            Assert.True(bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8, $"the {point} still is not a JPEG picture ({bytes.Length} bytes)");
        }

        // Where no video is held, the page says so instead of a broken picture.
        var earlyCard = page.Locator($"section.request[data-request='{early.RequestId}']");
        var none = earlyCard.Locator("figure.still[data-point=start] [data-field=no-video]");
        await none.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("No video held here.", await none.InnerTextAsync());
        await WaitForLoadAsync(earlyCard.Locator("figure.still[data-point=end] img"), "the end still of fr-show-2");
        var missing = await page.APIRequest.GetAsync(new Uri(site.Address, $"footage/{early.RequestId}/entrance/start.jpg").ToString());
        Assert.Equal(404, missing.Status);
        Assert.StartsWith("No video is held here for camera 'entrance'", await missing.TextAsync(), StringComparison.Ordinal);

        // Only a request's own cameras and points: nothing else of the recording can be asked for.
        foreach (var path in new[] { $"footage/{request.RequestId}/gate/start.jpg", $"footage/{request.RequestId}/entrance/noon.jpg", "footage/no-such-request/entrance/start.jpg" })
        {
            var refused = await page.APIRequest.GetAsync(new Uri(site.Address, path).ToString());
            Assert.True(refused.Status == 404, $"/{path} answered {refused.Status}");
        }

        await ConsoleFixture.ScreenshotAsync(page, "requests");

        // Looking answers nothing, and nothing about either request went to the agency.
        Assert.Equal(FootageStates.Pending, site.Requests.Get(request.RequestId)!.State);
        Assert.Empty(site.SentAbout(request.RequestId));
        Assert.Empty(site.SentAbout(early.RequestId));
    }

    [Fact]
    public async Task Approving_A_Shorter_Window_In_The_Browser_Approves_Exactly_That_Window_And_Only_Then_Sends_It()
    {
        var (from, to) = (site.Oldest.AddSeconds(2), site.Oldest.AddSeconds(22));
        var request = await site.AskAsync("fr-shorter-1", from, to);
        var before = site.Appliance.Records.Audit.Count;
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        var form = page.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=approve-window]");
        Assert.Equal(WindowInput.Write(from, Zone), await form.Locator("input[name=From]").InputValueAsync());
        Assert.Equal(WindowInput.Write(to, Zone), await form.Locator("input[name=To]").InputValueAsync());
        Assert.Empty(site.SentAbout(request.RequestId));

        var shortFrom = WholeSecondAfter(from).AddSeconds(3);
        var shortTo = shortFrom.AddSeconds(10);
        await form.Locator("input[name=From]").FillAsync(WindowInput.Write(shortFrom, Zone));
        await form.Locator("input[name=To]").FillAsync(WindowInput.Write(shortTo, Zone));
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Uri(site.Address, "requests").ToString());

        var notice = await page.InnerTextAsync("[data-field=notice]");
        Assert.Contains($"You approved request {request.RequestId} for case 2026-004512", notice, StringComparison.Ordinal);
        Assert.Contains("(10 s)", notice, StringComparison.Ordinal);
        var answered = site.Requests.Get(request.RequestId)!;
        Assert.NotEqual(FootageStates.Pending, answered.State);
        Assert.Equal(shortFrom, answered.Answer!.ApprovedFrom);
        Assert.Equal(shortTo, answered.Answer.ApprovedTo);
        Assert.Equal(FootageRequests.ConsoleOwner, answered.Answer.By);
        Assert.Contains(AuditKinds.FootageApproved, NewestKinds(before));

        // Listed under Answered with the approved window, no longer among those waiting.
        Assert.Equal(0, await page.Locator($"section.request:not(.answered)[data-request='{request.RequestId}']").CountAsync());
        var card = page.Locator($"section.request.answered[data-request='{request.RequestId}']");
        Assert.Equal("Approved: being sent", await card.Locator("[data-field=outcome]").InnerTextAsync());
        Assert.StartsWith(PlainWords.LocalWindow(shortFrom, shortTo, Zone), await card.Locator("[data-field=approved-window]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"Approved by {FootageRequests.ConsoleOwner}", await card.Locator("[data-field=answer]").InnerTextAsync(), StringComparison.Ordinal);

        // Now the approval and the video go to the agency, and the page follows the delivery.
        await Eventually.HoldsAsync(
            () => site.SentAbout(request.RequestId) is var sent && sent.Contains("footage-status approved") && sent.Any(t => t.EndsWith($"/footage/{request.RequestId}/manifest", StringComparison.Ordinal)),
            Patience,
            () => $"sent about {request.RequestId}: {string.Join(", ", site.SentAbout(request.RequestId))}");
        await Eventually.HoldsAsync(() => site.Requests.Get(request.RequestId)!.Delivery.PartsStored > 0, Patience, () => $"delivery {site.Requests.Get(request.RequestId)!.Delivery}");
        await page.ReloadAsync();
        var delivery = await page.InnerTextAsync($"section.request.answered[data-request='{request.RequestId}'] [data-field=delivery]");
        Assert.Matches(@"^\d+ of \d+ parts? \([\d.]+ [KMG]B\) stored for sending; \d+ confirmed by the agency's receiver\.$", delivery);
        await ConsoleFixture.ScreenshotAsync(page, "requests-approved");
    }

    [Fact]
    public async Task Approving_A_Window_Outside_The_Requested_One_Is_Refused_With_The_Reason_And_Nothing_Changes()
    {
        var (from, to) = (site.Oldest.AddSeconds(4), site.Oldest.AddSeconds(16));
        var request = await site.AskAsync("fr-outside-1", from, to);
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        var form = page.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=approve-window]");

        // The browser keeps the inputs inside the window; the box checks again without that.
        await form.EvaluateAsync("f => f.querySelectorAll('input').forEach(i => { i.removeAttribute('min'); i.removeAttribute('max'); })");
        var tooEarly = WindowInput.Write(WholeSecondAfter(from).AddSeconds(-10), Zone);
        await form.Locator("input[name=From]").FillAsync(tooEarly);
        var answer = await page.RunAndWaitForResponseAsync(() => form.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, answer.Status);

        var error = await page.InnerTextAsync($"section.request[data-request='{request.RequestId}'] [data-field=error]");
        Assert.Contains("lies outside the requested window", error, StringComparison.Ordinal);
        Assert.Equal(FootageStates.Pending, site.Requests.Get(request.RequestId)!.State);

        // What was typed stays in the form, to correct.
        Assert.Equal(tooEarly, await page.Locator($"section.request[data-request='{request.RequestId}'] input[name=From]").InputValueAsync());

        // An end before the start is refused as well.
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        var fresh = page.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=approve-window]");
        await fresh.Locator("input[name=From]").FillAsync(WindowInput.Write(WholeSecondAfter(from).AddSeconds(8), Zone));
        await fresh.Locator("input[name=To]").FillAsync(WindowInput.Write(WholeSecondAfter(from).AddSeconds(2), Zone));
        await fresh.Locator("button[type=submit]").ClickAsync();
        Assert.Contains("must end after it begins", await page.InnerTextAsync($"section.request[data-request='{request.RequestId}'] [data-field=error]"), StringComparison.Ordinal);
        Assert.Equal(FootageStates.Pending, site.Requests.Get(request.RequestId)!.State);
        Assert.Empty(site.SentAbout(request.RequestId));
    }

    [Fact]
    public async Task A_Decline_Needs_A_Reason_And_With_One_Declines_The_Request_And_Sends_No_Video()
    {
        var request = await site.AskAsync("fr-decline-1", site.Oldest.AddSeconds(1), site.Oldest.AddSeconds(5));
        var before = site.Appliance.Records.Audit.Count;
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        var form = page.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=decline]");

        // Without a reason (the browser asks for one; the box refuses it too).
        await form.EvaluateAsync("f => f.querySelector('textarea').removeAttribute('required')");
        await form.Locator("button[type=submit]").ClickAsync();
        var error = await page.InnerTextAsync($"section.request[data-request='{request.RequestId}'] [data-field=error]");
        Assert.Contains("a decline needs a reason", error, StringComparison.Ordinal);
        Assert.Equal(FootageStates.Pending, site.Requests.Get(request.RequestId)!.State);
        await ConsoleFixture.ScreenshotAsync(page, "requests-decline-refused");

        var again = page.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=decline]");
        await again.Locator("textarea[name=Reason]").FillAsync("The camera does not see the street.");
        await again.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Uri(site.Address, "requests").ToString());
        Assert.Contains("The agency is told your reason: \"The camera does not see the street.\". Nothing is sent.", await page.InnerTextAsync("[data-field=notice]"), StringComparison.Ordinal);

        var declined = site.Requests.Get(request.RequestId)!;
        Assert.Equal(FootageStates.Declined, declined.State);
        Assert.Equal("The camera does not see the street.", declined.Answer!.DeclineReason);
        Assert.Contains(AuditKinds.FootageDeclined, NewestKinds(before));
        var card = page.Locator($"section.request.answered[data-request='{request.RequestId}']");
        Assert.Equal("Declined", await card.Locator("[data-field=outcome]").InnerTextAsync());
        Assert.Equal("The camera does not see the street.", await card.Locator("[data-field=decline-reason]").InnerTextAsync());
        Assert.Equal("Nothing was sent.", await card.Locator("[data-field=delivery]").InnerTextAsync());

        // The agency hears of the decline, and gets no video.
        await Eventually.HoldsAsync(() => site.SentAbout(request.RequestId).Contains("footage-status declined"), Patience, () => $"sent about {request.RequestId}: {string.Join(", ", site.SentAbout(request.RequestId))}");
        Assert.Equal(["footage-status declined"], site.SentAbout(request.RequestId));
    }

    [Fact]
    public async Task Approve_All_Approves_The_Whole_Requested_Window()
    {
        var (from, to) = (site.Oldest.AddMilliseconds(250), site.Oldest.AddSeconds(6.5));
        var request = await site.AskAsync("fr-all-1", from, to);
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());

        // A second tab, opened before the answer, still shows the request as waiting.
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync(new Uri(site.Address, "requests").ToString());

        await page.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=approve-all] button").ClickAsync();
        await page.WaitForURLAsync(new Uri(site.Address, "requests").ToString());
        var approved = site.Requests.Get(request.RequestId)!;
        Assert.NotEqual(FootageStates.Pending, approved.State);
        Assert.Equal((from, to), (approved.Answer!.ApprovedFrom!.Value, approved.Answer.ApprovedTo!.Value));

        // An answer from the stale tab is refused, said at the top (the request no longer waits), and changes nothing.
        var decline = stale.Locator($"section.request[data-request='{request.RequestId}'] form[data-answer=decline]");
        await decline.Locator("textarea[name=Reason]").FillAsync("changed my mind");
        await decline.Locator("button[type=submit]").ClickAsync();
        Assert.Contains($"footage request {request.RequestId} was already answered (approved by {FootageRequests.ConsoleOwner}", await stale.InnerTextAsync("[data-field=error]"), StringComparison.Ordinal);
        Assert.Equal(approved.Answer, site.Requests.Get(request.RequestId)!.Answer);
    }

    [Fact]
    public async Task Requests_On_A_Phone_Fit_The_Screen()
    {
        await site.AskAsync("fr-phone-1", site.Oldest, site.Oldest.AddSeconds(10));
        var page = await site.SignedInPageAsync(375, 667);
        await page.GotoAsync(new Uri(site.Address, "requests").ToString());
        await WaitForLoadAsync(page.Locator("section.request[data-request='fr-phone-1'] figure.still[data-point=end] img"), "the end still on the phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"/requests is {width} px wide on a 375 px screen");
        await ConsoleFixture.ScreenshotAsync(page, "requests-phone");
    }

    /// <summary>The first whole second after <paramref name="at"/>: a moment the inputs show exactly.</summary>
    private static DateTimeOffset WholeSecondAfter(DateTimeOffset at) =>
        new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset).AddSeconds(1);

    private static async Task WaitForLoadAsync(ILocator img, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await img.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not load in the page within 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private List<string> NewestKinds(long afterCount) =>
        [.. AuditReader.ReadRecords(AuditPaths.Under(site.Config.Storage.Directory)).Where(r => r.Seq > afterCount).Select(r => r.Kind)];
}
