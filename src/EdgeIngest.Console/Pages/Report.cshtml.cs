using EdgeIngest.Reports;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>The transparency report as a page (<c>?days=N</c>), with links to the same report as CSV and JSON.</summary>
internal sealed class ReportModel(ConsoleSite site) : PageModel
{
    public TransparencyReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public int Days { get; private set; } = ReportSpan.Default;

    public void OnGet(string? days)
    {
        if (ReportSpan.Parse(days) is not { Days: var span })
        {
            Problem = ReportSpan.Problem(days);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Days = span;
        Report = ReportSource.Build(site, span);
    }
}
