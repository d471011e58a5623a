using EdgeIngest.Cameras;
using EdgeIngest.Pipeline;
using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>
/// Adds or changes one camera: its address, a connection test that shows a frame or the exact
/// failure, and the detection zone drawn on the picture. Saving goes through the appliance's
/// <see cref="CameraEditor"/> (checked like the file, written to it, applied live, audited).
/// </summary>
internal sealed class CameraEditModel(ConsoleSite site) : PageModel
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(12);

    /// <summary>The camera being edited; null when adding one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? NewId { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    /// <summary>The zone's corners as <c>x,y x,y …</c> fractions of the picture; blank for the whole picture.</summary>
    [BindProperty]
    public string? Zone { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public bool IsNew => Id is null;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>What the zone is drawn on: the connection test's frame, else the camera's latest frame.</summary>
    public string? Picture { get; private set; }

    public string? TestImage { get; private set; }

    public string? TestFailure { get; private set; }

    private CameraEditor Editor => site.Appliance.CameraEditor;

    public IActionResult OnGet()
    {
        if (Id is null)
        {
            return Page();
        }

        if (Editor.Find(Id) is not { } camera)
        {
            return NotFound();
        }

        Address = CameraUrl.TryParse(camera.Id, camera.Url, out var url, out _) ? url.Redacted : camera.Url;
        Zone = ZoneForm.Write(camera.Zone);
        Picture = LiveFrame(camera.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        var existing = Id is null ? null : Editor.Find(Id);
        if (Id is not null && existing is null)
        {
            return NotFound();
        }

        var id = existing?.Id ?? (string.IsNullOrWhiteSpace(NewId) ? "new" : NewId.Trim());
        if (!CameraUrl.TryParse(id, AddressOf(existing), out var url, out var problem))
        {
            Problems = [problem];
        }
        else
        {
            var test = await CameraConnectionTester.TestAsync(url, TestTimeout, existing?.FfmpegPath ?? "ffmpeg", HttpContext.RequestAborted);
            if (test.Jpeg is { } jpeg)
            {
                TestImage = Picture = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
            }
            else
            {
                TestFailure = test.Failure?.Message ?? "no frame";
            }
        }

        Picture ??= existing is null ? null : LiveFrame(existing.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var existing = Id is null ? null : Editor.Find(Id);
        if (Id is not null && existing is null)
        {
            return NotFound();
        }

        var camera = existing ?? new CameraOptions { Id = NewId?.Trim() ?? "" };
        camera.Url = AddressOf(existing) ?? "";
        if (!ZoneForm.TryRead(Zone, out var zone, out var zoneProblem))
        {
            return Refused([$"zone: {zoneProblem}"], existing);
        }

        camera.Zone = zone;
        var change = existing is null
            ? await Editor.AddAsync(camera, By())
            : await Editor.ReplaceAsync(camera, By());
        if (!change.Applied)
        {
            return Refused(change.Problems, existing);
        }

        TempData["notice"] = change.Summary;
        return Redirect("/cameras");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (Id is null || Editor.Find(Id) is not { } existing)
        {
            return NotFound();
        }

        if (!Confirm)
        {
            return Refused(["tick the box to confirm the removal"], existing);
        }

        var change = await Editor.RemoveAsync(Id, By());
        if (!change.Applied)
        {
            return Refused(change.Problems, existing);
        }

        TempData["notice"] = change.Summary;
        return Redirect("/cameras");
    }

    private PageResult Refused(IReadOnlyList<string> problems, CameraOptions? existing)
    {
        Problems = problems;
        Picture = existing is null ? null : LiveFrame(existing.Id);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The address as typed, except that the shown (redacted) form of the current address keeps its password.</summary>
    private string? AddressOf(CameraOptions? existing)
    {
        var typed = Address?.Trim();
        return existing is not null
            && CameraUrl.TryParse(existing.Id, existing.Url, out var current, out _)
            && typed == current.Redacted
            ? existing.Url
            : typed;
    }

    private string By() => $"console ({HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown address"})";

    private string? LiveFrame(string cameraId) =>
        site.Appliance.CameraSet.Find(cameraId) is null ? null : CameraFrames.BareUrl(cameraId);
}
