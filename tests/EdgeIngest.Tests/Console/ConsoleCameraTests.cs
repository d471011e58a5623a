using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The Cameras pages in real headless chromium against a running appliance: adding a camera served
/// by the camera simulator (it streams and reads a plate, without a restart), drawing a zone with
/// the mouse (the configuration file, the running camera and the audit change), and bad input
/// refused with a message while the configuration file stays byte for byte as it was.
/// </summary>
public sealed class ConsoleCameraTests(ConsoleFixture site) : IClassFixture<ConsoleFixture>
{
    private static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(120);

    private string ConfigFile => site.Config.SourceFile!;

    [Fact]
    public async Task A_Camera_Added_In_The_Console_Streams_And_Reads_A_Plate_Without_A_Restart_And_Can_Be_Removed()
    {
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "cameras/edit").ToString());
        await page.FillAsync("input[name=NewId]", "driveway");
        await page.FillAsync("input[name=Address]", site.SimulatedCamera("/cam2"));
        await page.ClickAsync("button:has-text('Test connection')");
        await page.WaitForSelectorAsync("[data-field=test-ok]");
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('[data-zone-picture]').naturalWidth > 0"), "the connection test showed no picture");
        await ConsoleFixture.ScreenshotAsync(page, "camera-add-tested");

        await page.ClickAsync("button:has-text('Add the camera')");
        await page.WaitForURLAsync(new Uri(site.Address, "cameras").ToString());
        Assert.Contains("camera 'driveway' added", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        var configured = ConfigLoader.Load(ConfigFile);
        Assert.Contains(configured.Cameras, c => c.Id == "driveway" && c.Url == site.SimulatedCamera("/cam2"));
        var audited = LastCameraChange("driveway");
        Assert.Equal("added", audited.Field(AuditFields.CameraChange));

        await page.GotoAsync(site.Address.ToString());
        var deadline = DateTime.UtcNow + ReadDeadline;
        while (await page.InnerTextAsync("[data-camera=driveway] [data-field=state]") != "streaming"
            || await page.InnerTextAsync("[data-camera=driveway] [data-field=vehicles-read]") == "none yet")
        {
            Assert.True(DateTime.UtcNow < deadline, "the added camera never showed as streaming with a read on Status: "
                + await page.InnerTextAsync("[data-camera=driveway]"));
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }

        await ConsoleFixture.ScreenshotAsync(page, "status-added-camera");

        await page.GotoAsync(new Uri(site.Address, "cameras/edit?id=driveway").ToString());
        await page.CheckAsync("input[name=Confirm]");
        await page.ClickAsync("button:has-text('Remove the camera')");
        await page.WaitForURLAsync(new Uri(site.Address, "cameras").ToString());
        Assert.Contains("removed", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigLoader.Load(ConfigFile).Cameras, c => c.Id == "driveway");
        Assert.Null(site.Appliance.CameraSet.Find("driveway"));
        Assert.Equal("removed", LastCameraChange("driveway").Field(AuditFields.CameraChange));
    }

    [Fact]
    public async Task A_Zone_Drawn_With_The_Mouse_Changes_The_Config_And_The_Running_Camera_Without_Restarting_It()
    {
        var running = site.Appliance.CameraSet.Find("entrance")!;
        var restartsBefore = running.Ingest.GetStatus().Restarts;
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "cameras/edit?id=entrance").ToString());
        Assert.Equal(site.SimulatedCamera("/cam1"), await page.InputValueAsync("input[name=Address]"));
        await page.ClickAsync("button:has-text('Test connection')");
        await page.WaitForSelectorAsync("[data-field=test-ok]");

        var layer = await page.QuerySelectorAsync("[data-zone-layer]") ?? throw new InvalidOperationException("no zone layer on the picture");
        var box = await layer.BoundingBoxAsync() ?? throw new InvalidOperationException("the zone layer is not shown");
        double[][] corners = [[0.1, 0.3], [0.9, 0.3], [0.9, 0.95], [0.1, 0.95]];
        foreach (var corner in corners)
        {
            await page.Mouse.ClickAsync((float)(box.X + corner[0] * box.Width), (float)(box.Y + corner[1] * box.Height));
        }

        Assert.Equal(4, (await page.InputValueAsync("input[name=Zone]")).Split(' ').Length);
        Assert.Equal(1, await page.Locator(".zone-shape").CountAsync());
        await ConsoleFixture.ScreenshotAsync(page, "camera-zone-drawn");

        await page.ClickAsync("button:has-text('Save the changes')");
        await page.WaitForURLAsync(new Uri(site.Address, "cameras").ToString());
        Assert.Contains("zone applies from the next frame", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);

        var zone = ConfigLoader.Load(ConfigFile).Cameras.Single(c => c.Id == "entrance").Zone?.Polygon;
        Assert.NotNull(zone);
        Assert.Equal(4, zone.Count);
        for (var i = 0; i < corners.Length; i++)
        {
            Assert.InRange(zone[i][0], corners[i][0] - 0.01, corners[i][0] + 0.01);
            Assert.InRange(zone[i][1], corners[i][1] - 0.01, corners[i][1] + 0.01);
        }

        var now = site.Appliance.CameraSet.Find("entrance")!;
        Assert.Equal(4, now.Options.Zone?.Polygon?.Count);
        Assert.Same(running.Ingest, now.Ingest);
        Assert.Equal(restartsBefore, now.Ingest.GetStatus().Restarts);
        var audited = LastCameraChange("entrance");
        Assert.StartsWith("polygon (0.1", audited.Field(AuditFields.CameraZone), StringComparison.Ordinal);
        Assert.Contains("cameras", audited.Field(AuditFields.ChangedKeys), StringComparison.Ordinal);

        // Back to the whole picture, so the other tests of this class see the camera as configured.
        await page.GotoAsync(new Uri(site.Address, "cameras/edit?id=entrance").ToString());
        await page.ClickAsync("[data-zone-clear]");
        await page.ClickAsync("button:has-text('Save the changes')");
        await page.WaitForURLAsync(new Uri(site.Address, "cameras").ToString());
        Assert.Null(ConfigLoader.Load(ConfigFile).Cameras.Single(c => c.Id == "entrance").Zone);
    }

    [Theory]
    [InlineData("wrong-scheme", "http://127.0.0.1/stream", "", "has scheme 'http'; only rtsp and rtsps are supported")]
    [InlineData("zone-out-of-range", null, "0.1,0.1 1.5,0.1 0.5,0.9", "expected [x, y], each from 0 to 1")]
    [InlineData("zone-not-numbers", null, "0.1,0.1 left,top 0.5,0.9", "corner 2 'left,top' — expected x,y")]
    [InlineData("zone-a-line", null, "0.1,0.1 0.5,0.5 0.9,0.9", "encloses 0 % of the frame")]
    public async Task Bad_Camera_Input_Is_Refused_With_A_Message_And_Changes_Nothing(string name, string? address, string zone, string message)
    {
        var before = await File.ReadAllBytesAsync(ConfigFile, TestContext.Current.CancellationToken);
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(new Uri(site.Address, "cameras/edit?id=entrance").ToString());
        if (address is not null)
        {
            await page.FillAsync("input[name=Address]", address);
        }

        await page.FillAsync("input[name=Zone]", zone);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button:has-text('Save the changes')"), r => r.Request.Method == "POST");
        Assert.Equal(422, response.Status);
        var shown = await page.InnerTextAsync("[role=alert]");
        Assert.Contains(message, shown, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", shown, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(ConfigFile, TestContext.Current.CancellationToken));
        await ConsoleFixture.ScreenshotAsync(page, "camera-refused-" + name);
    }

    [Fact]
    public async Task A_New_Camera_With_An_Id_In_Use_Is_Refused_And_A_Dead_Address_Fails_The_Test_With_Its_Cause()
    {
        var before = await File.ReadAllBytesAsync(ConfigFile, TestContext.Current.CancellationToken);
        var page = await site.SignedInPageAsync(390, 844);
        await page.GotoAsync(new Uri(site.Address, "cameras/edit").ToString());
        await page.FillAsync("input[name=NewId]", "entrance");
        await page.FillAsync("input[name=Address]", site.SimulatedCamera("/cam2"));
        await page.ClickAsync("button:has-text('Add the camera')");
        Assert.Contains("already used by another camera", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(ConfigFile, TestContext.Current.CancellationToken));

        await page.FillAsync("input[name=NewId]", "nowhere");
        await page.FillAsync("input[name=Address]", $"rtsp://user:secret-word@127.0.0.1:{MosquittoBroker.FreeLoopbackPort()}/none");
        await page.ClickAsync("button:has-text('Test connection')");
        var failure = await page.InnerTextAsync("[data-field=test-failure]");
        Assert.Contains("unreachable", failure, StringComparison.Ordinal);
        Assert.Contains("connection refused", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", failure, StringComparison.Ordinal);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the camera page is {width} px wide on a 390 px screen");
        await ConsoleFixture.ScreenshotAsync(page, "camera-test-failed-phone");
    }

    private AuditRecord LastCameraChange(string cameraId) =>
        AuditReader.ReadRecords(AuditPaths.Under(site.Config.Storage.Directory))
            .LastOrDefault(r => r.Kind == AuditKinds.ConfigChanged && r.Field(AuditFields.CameraId) == cameraId)
        ?? throw new Xunit.Sdk.XunitException($"no config_changed record for camera '{cameraId}' in the audit");
}
