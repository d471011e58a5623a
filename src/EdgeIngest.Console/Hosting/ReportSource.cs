using EdgeIngest.Reports;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>The transparency report from the running box's own store and audit, exactly as <c>edgeingest report</c> builds it.</summary>
internal static class ReportSource
{
    public static TransparencyReport Build(ConsoleSite site, int days) =>
        TransparencyReportBuilder.Build(site.DeviceId, site.Appliance.Records.Store, site.AuditPaths, days, DateTimeOffset.UtcNow);
}
