using EdgeIngest.WebConsole.Views;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// The property owner at the service's console in headless Debian chromium: signs in with the
/// rig's password and answers footage requests on the Requests page as a person would, each
/// answer checked by the notice the page shows after it.
/// </summary>
internal sealed class OwnerBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _console;

    private OwnerBrowser(IPlaywright playwright, IBrowser browser, IPage page, Uri console)
    {
        (_playwright, _browser, Page, _console) = (playwright, browser, page, console);
    }

    public IPage Page { get; }

    public static async Task<OwnerBrowser> SignInAsync(Uri console)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } })).NewPageAsync();
        await page.GotoAsync(new Uri(console, "login").ToString());
        await page.FillAsync("input[name=Password]", FaultWorkspace.ConsolePassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(console.ToString());
        return new OwnerBrowser(playwright, browser, page, console);
    }

    public Task ApproveAllAsync(string requestId) =>
        AnswerAsync(requestId, "approve-all", _ => Task.CompletedTask, "You approved");

    /// <summary>Approves [from, to) typed into the page's two times (the console's time zone, whole seconds).</summary>
    public Task ApproveWindowAsync(string requestId, DateTimeOffset from, DateTimeOffset to) =>
        AnswerAsync(
            requestId,
            "approve-window",
            async form =>
            {
                await form.Locator("input[name=From]").FillAsync(LocalInput(from));
                await form.Locator("input[name=To]").FillAsync(LocalInput(to));
            },
            "You approved");

    public Task DeclineAsync(string requestId, string reason) =>
        AnswerAsync(requestId, "decline", form => form.Locator("textarea[name=Reason]").FillAsync(reason), "You declined");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task AnswerAsync(string requestId, string answer, Func<ILocator, Task> fill, string expected)
    {
        await Page.GotoAsync(new Uri(_console, "requests").ToString());
        var form = Page.Locator($"section.request[data-request='{requestId}'] form[data-answer={answer}]");
        Assert.True(await form.CountAsync() == 1, $"the Requests page has no '{answer}' form for request {requestId}");
        await fill(form);
        await form.Locator("button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(new Uri(_console, "requests").ToString());
        var notice = await Page.InnerTextAsync("[data-field=notice]");
        Assert.True(notice.Contains(expected, StringComparison.Ordinal) && notice.Contains(requestId, StringComparison.Ordinal), $"after '{answer}' of {requestId} the page said: {notice}");
    }

    /// <summary>As the page writes its own values (no seconds when they are 0: the browser would drop them).</summary>
    private static string LocalInput(DateTimeOffset t) => WindowInput.Write(t, TimeZoneInfo.Local);
}
