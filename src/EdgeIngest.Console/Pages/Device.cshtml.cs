using EdgeIngest.Enrollment;
using EdgeIngest.WebConsole.Access;
using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Device: who this box is to the agency, what software it runs, its last hour of log, and the enrollment bundle upload.</summary>
internal sealed class DeviceModel(ConsoleSite site, ConsoleHttps https, RecentLog recentLog, ConsoleAudit audit) : PageModel
{
    public DeviceView Device { get; private set; } = null!;

    public VersionsView Versions { get; private set; } = null!;

    public ConsoleHttps Https => https;

    public IReadOnlyList<RecentLogEntry> Log { get; private set; } = [];

    /// <summary>What an accepted bundle configured, a line per setting.</summary>
    public IReadOnlyList<string>? Configured { get; private set; }

    public string? ConfiguredFile { get; private set; }

    public string? Problem { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? bundle, CancellationToken cancellationToken)
    {
        try
        {
            var (checkedBundle, applied) = await BundleUpload.ApplyAsync(bundle, site.Config, DateTimeOffset.UtcNow, cancellationToken);
            audit.EnrollmentApplied(HttpContext, checkedBundle);
            Configured = applied.Report;
            ConfiguredFile = applied.ConfigFile;
        }
        catch (EnrollmentException e)
        {
            Problem = $"Refused, nothing was changed: {e.Message}";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = $"The bundle is valid but the configuration could not be written: {e.Message} (is {Path.GetDirectoryName(site.Config.SourceFile)} writable by the service? see INSTALL.md)";
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Device = DeviceView.Of(site.Config);
        Versions = await VersionsView.OfAsync(site.Config.Recognition);
        Log = recentLog.NewestFirst();
    }
}
