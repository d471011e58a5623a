using System.Net;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Images;
using EdgeIngest.Pipeline;
using EdgeIngest.Records;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The camera's latest picture on the Status page and a hit's clip on the Hits page, in real
/// headless chromium against a running appliance that records clips. Screenshots (desktop and a
/// 390x844 phone) go to .test-artifacts/console/.
/// </summary>
public sealed class ConsoleCameraFrameTests(ClipsConsoleFixture site) : IClassFixture<ClipsConsoleFixture>
{
    private const string Camera = "entrance";

    [Fact]
    public async Task Status_Shows_The_Cameras_Picture_A_Jpeg_Of_Its_Size_With_The_Zone_And_A_Read_Drawn_And_Refreshes_It()
    {
        var worker = CameraFrames.WorkerOf(new ConsoleSite(site.Appliance, site.Config), Camera)!;
        await WaitForAsync(() => worker.Latest.Copy()?.Reads.Any(r => r.InZone) == true, TimeSpan.FromSeconds(60), "no picture with a read in the zone was taken in 60 s");

        // About once a second, whatever the camera's 15 frames a second.
        var (taken, since) = (worker.Latest.Taken, DateTime.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        var perSecond = (worker.Latest.Taken - taken) / (DateTime.UtcNow - since).TotalSeconds;
        Assert.InRange(perSecond, 0.5, 1.3);

        var page = await site.SignedInPageAsync();
        var picture = page.Locator($"[data-camera={Camera}] img.frame");
        Assert.Equal(CameraFrames.FrameUrl(Camera), await picture.GetAttributeAsync("src"));
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());
        Assert.Equal(new[] { 1280, 720 }, await picture.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]"));

        // The JPEG the session gets is the picture the worker holds, drawn: the zone's top edge
        // yellow, the read's box green at its place.
        var (jpeg, snapshot) = await FrameWithAReadAsync(page, worker);
        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();
        Assert.Equal(new ImageSize(1280, 720), decoder.Decode(jpeg, ref pixels));
        AssertColour(pixels, 640, 324, "the zone's top edge", yellow: true);
        var read = snapshot.Reads.First(r => r.InZone);
        AssertColour(pixels, read.Box.X, read.Box.Y + (read.Box.Height / 2), $"the left edge of the box of {read.Text}", yellow: false);

        // The page's script swaps in a new picture every few seconds, and it loads.
        await page.WaitForFunctionAsync("img => img.src.includes('?t=') && img.complete && img.naturalWidth === 1280", await picture.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = 10_000 });
        await ConsoleFixture.ScreenshotAsync(page, "status-picture");

        var phone = await site.SignedInPageAsync(390, 844);
        var small = phone.Locator($"[data-camera={Camera}] img.frame");
        await phone.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await small.ElementHandleAsync());
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the Status page scrolls sideways on a 390 px phone");
        Assert.InRange(await small.EvaluateAsync<double>("img => img.getBoundingClientRect().width"), 300, 390);
        await ConsoleFixture.ScreenshotAsync(phone, "status-picture-phone");
    }

    [Fact]
    public async Task The_Picture_Is_Bare_On_Request_Never_Cached_And_Only_For_A_Session()
    {
        var worker = CameraFrames.WorkerOf(new ConsoleSite(site.Appliance, site.Config), Camera)!;
        await WaitForAsync(() => worker.Latest.Copy() is not null, TimeSpan.FromSeconds(30), "the camera gave no picture in 30 s");
        var page = await site.SignedInPageAsync();

        var bare = await page.APIRequest.GetAsync(new Uri(site.Address, CameraFrames.FrameUrl(Camera) + "?overlay=none").ToString());
        Assert.Equal(200, bare.Status);
        Assert.Equal("image/jpeg", bare.Headers["content-type"]);
        Assert.Contains("no-store", bare.Headers["cache-control"], StringComparison.Ordinal);
        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();
        Assert.Equal(new ImageSize(1280, 720), decoder.Decode(await bare.BodyAsync(), ref pixels));

        var unknown = await page.APIRequest.GetAsync(new Uri(site.Address, "cameras/no-such-camera/frame.jpg").ToString());
        Assert.Equal(404, unknown.Status);
        Assert.Equal("This box runs no camera 'no-such-camera'.", await unknown.TextAsync());
        var badOverlay = await page.APIRequest.GetAsync(new Uri(site.Address, CameraFrames.FrameUrl(Camera) + "?overlay=zones").ToString());
        Assert.Equal(400, badOverlay.Status);
        Assert.Contains("overlay 'zones' is not known", await badOverlay.TextAsync(), StringComparison.Ordinal);

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        foreach (var path in new[] { "cameras/entrance/frame.jpg", "cameras/entrance/frame.jpg?overlay=none", "evidence/any-event/clip.mp4" })
        {
            using var answer = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"/{path} answered {answer.StatusCode} without a session");
        }
    }

    [Fact]
    public async Task The_Hits_Page_Plays_The_Hits_Clip_Served_In_Ranges_And_Shows_None_For_A_Covert_Hit()
    {
        var store = site.Appliance.Records.Store;
        RecordedHit? hit = null;
        await WaitForAsync(
            () => (hit = store.RecentHits(10).FirstOrDefault(h => store.EvidenceFileOf(h.EventId, RecordStore.ClipKind) is not null)) is not null,
            TimeSpan.FromSeconds(90),
            $"no hit with its clip kept on the box in 90 s (router hits {site.Appliance.Router.Hits})");
        store.RecordHit(new RecordedHit("covert-clip-hit", Camera, hit!.At.AddHours(-1), "", "", HitCommitter.CovertCategory, MatchKind.Exact, 0, true, null, 1, 1));

        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "hits").ToString());
        var video = page.Locator($"li.hit[data-event='{hit.EventId}'] video.clip");
        Assert.Equal(EvidenceDownloads.ClipUrl(hit.EventId), await video.GetAttributeAsync("src"));
        Assert.Equal("metadata", await video.GetAttributeAsync("preload"));
        try
        {
            await page.WaitForFunctionAsync("v => v.readyState >= 1 && v.duration > 0", await video.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            var why = await video.EvaluateAsync<string>("v => `readyState ${v.readyState}, error ${v.error?.code} ${v.error?.message}, canPlayType(avc1) '${v.canPlayType('video/mp4; codecs=\"avc1.42E01E\"')}'`");
            Assert.Fail($"the clip did not load its metadata in chromium: {why}");
        }

        var duration = await video.EvaluateAsync<double>("v => v.duration");
        Assert.InRange(duration, 3, 30);
        Assert.Equal(0, await page.Locator("li.hit[data-event='covert-clip-hit'] video").CountAsync());
        await ConsoleFixture.ScreenshotAsync(page, "hits-clip");

        // Served in ranges (a player seeks), the bytes of the file the store lists, to the session only.
        var file = await File.ReadAllBytesAsync(store.EvidenceFileOf(hit.EventId, RecordStore.ClipKind)!, TestContext.Current.CancellationToken);
        var part = await page.APIRequest.GetAsync(
            new Uri(site.Address, EvidenceDownloads.ClipUrl(hit.EventId)).ToString(),
            new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Range"] = "bytes=100-199" } });
        Assert.Equal(206, part.Status);
        Assert.Equal("video/mp4", part.Headers["content-type"]);
        Assert.Equal($"bytes 100-199/{file.Length}", part.Headers["content-range"]);
        Assert.Equal(file.AsSpan(100, 100).ToArray(), await part.BodyAsync());
        Assert.Equal(404, (await page.APIRequest.GetAsync(new Uri(site.Address, "evidence/covert-clip-hit/clip.mp4").ToString())).Status);

        var phone = await site.SignedInPageAsync(390, 844);
        await phone.GotoAsync(new Uri(site.Address, "hits").ToString());
        var small = phone.Locator($"li.hit[data-event='{hit.EventId}'] video.clip");
        await phone.WaitForFunctionAsync("v => v.readyState >= 1", await small.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the Hits page scrolls sideways on a 390 px phone");
        await ConsoleFixture.ScreenshotAsync(phone, "hits-clip-phone");
    }

    // A JPEG fetched between two looks at the same picture, holding a read in the zone: it is that picture.
    private async Task<(byte[] Jpeg, FrameSnapshot Snapshot)> FrameWithAReadAsync(IPage page, CameraWorker worker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var before = worker.Latest.Copy();
            var answer = await page.APIRequest.GetAsync(new Uri(site.Address, CameraFrames.FrameUrl(Camera)).ToString());
            Assert.Equal(200, answer.Status);
            Assert.Equal("image/jpeg", answer.Headers["content-type"]);
            Assert.Contains("no-store", answer.Headers["cache-control"], StringComparison.Ordinal);
            var jpeg = await answer.BodyAsync();
            var after = worker.Latest.Copy();
            if (before is not null && before.CapturedAt == after?.CapturedAt && before.Reads.Any(r => r.InZone))
            {
                return (jpeg, before);
            }

            Assert.True(DateTime.UtcNow < deadline, "no picture with a read in the zone could be fetched in 60 s");
            await Task.Delay(150, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, string failure)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertColour(byte[] bgr, int x, int y, string what, bool yellow)
    {
        var i = ((y * 1280) + x) * 3;
        var (b, g, r) = (bgr[i], bgr[i + 1], bgr[i + 2]);
        var matches = yellow ? b < 90 && g > 170 && r > 170 : b < 90 && g > 170 && r < 90;
        Assert.True(matches, $"{what} at ({x}, {y}) decodes as BGR ({b}, {g}, {r}), not {(yellow ? "yellow" : "green")}");
    }
}
