using EdgeIngest.Cameras;
using EdgeIngest.Pipeline;
using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Cameras: each camera's address (password hidden), state and zone, with links to change them.</summary>
internal sealed class CamerasModel(ConsoleSite site) : PageModel
{
    public IReadOnlyList<ConfiguredCamera> Cameras { get; private set; } = [];

    /// <summary>What the last change did (carried over the redirect after a save or removal).</summary>
    public string? Notice { get; private set; }

    public void OnGet()
    {
        Notice = TempData["notice"] as string;
        Cameras = [.. site.Appliance.CameraEditor.Configured.Select(camera => new ConfiguredCamera(
            camera.Id,
            CameraUrl.TryParse(camera.Id, camera.Url, out var url, out _) ? url.Redacted : "(not a valid URL)",
            site.Appliance.CameraSet.Find(camera.Id)?.Ingest.GetStatus() is { } status ? PlainWords.State(status.State) : "not running",
            CameraEditor.ZoneText(camera.Zone)))];
    }
}
