using EdgeIngest.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The transparency report as files: <c>/api/report.csv</c> and <c>/api/report.json</c>
/// (<c>?days=N</c>, default 30). Like every page they need a session; without one they answer 401.
/// </summary>
internal static class ReportDownloads
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/report.csv", (HttpContext context, ConsoleSite site) => Download(context, site, "csv"));
        routes.MapGet("/api/report.json", (HttpContext context, ConsoleSite site) => Download(context, site, "json"));
    }

    private static IResult Download(HttpContext context, ConsoleSite site, string format)
    {
        if (ReportSpan.Parse(context.Request.Query["days"]) is not { Days: var days })
        {
            return Results.Text(ReportSpan.Problem(context.Request.Query["days"]), statusCode: StatusCodes.Status400BadRequest);
        }

        var report = ReportSource.Build(site, days);
        var name = $"edgeingest-report-{site.DeviceId}-{report.To:yyyy-MM-dd}.{format}";
        return format == "csv"
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Render(report)), "text/csv; charset=utf-8", name)
            : Results.File(System.Text.Encoding.UTF8.GetBytes(ReportJson.Render(report)), "application/json", name);
    }
}
