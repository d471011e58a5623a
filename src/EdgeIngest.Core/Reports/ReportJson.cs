using System.Text.Json;

namespace EdgeIngest.Reports;

/// <summary>The report as one JSON object (<c>edgeingest.report/1</c>, snake_case).</summary>
public static class ReportJson
{
    public static string Render(TransparencyReport report) => JsonSerializer.Serialize(report, ReportJsonContext.Default.TransparencyReport);
}
