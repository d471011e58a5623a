using System.CommandLine;
using EdgeIngest.Audit;
using EdgeIngest.Records;
using EdgeIngest.Reports;

namespace EdgeIngest.Cli;

/// <summary>
/// <c>edgeingest report --config FILE [--days 30] [--json|--csv]</c>: the transparency report, from
/// the local store and the audit only. Exit codes: see <see cref="ToolExit"/> (the report is printed
/// even when the audit chain is broken; it says so, and the exit code is 1).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The device's configuration file (YAML)", Required = true };
        var days = new Option<int>("--days") { Description = "How many days back, today included (UTC days; 1–3650)", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "One JSON object (edgeingest.report/1) instead of the text" };
        var csv = new Option<bool>("--csv") { Description = "The per-day figures as CSV (day,measure,category,detail,count)" };
        var command = new Command("report", "Transparency report: vehicles read, hits, disclosures, events withheld and purges per day; hotlist versions and agreement in force; the audit chain's state")
        {
            config, days, json, csv,
        };
        command.SetAction(result =>
        {
            var span = result.GetValue(days);
            if (span is < 1 or > 3650)
            {
                Console.Error.WriteLine($"edgeingest report: --days {span} is out of range (1–3650)");
                return ToolExit.Usage;
            }

            if (result.GetValue(json) && result.GetValue(csv))
            {
                Console.Error.WriteLine("edgeingest report: choose one of --json and --csv");
                return ToolExit.Usage;
            }

            if (ToolExit.LoadConfig(result.GetValue(config)!.FullName, "report") is not { } loaded)
            {
                return ToolExit.BadConfig;
            }

            TransparencyReport report;
            try
            {
                using var store = RecordStore.OpenForReading(loaded.Storage.Directory);
                report = TransparencyReportBuilder.Build(loaded.Device.Id, store, AuditPaths.Under(loaded.Storage.Directory), span, DateTimeOffset.UtcNow);
            }
            catch (Exception e) when (e is RecordsException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"edgeingest report: {e.Message}");
                return ToolExit.Failed;
            }

            Console.Out.Write(result.GetValue(json) ? ReportJson.Render(report) + "\n" : result.GetValue(csv) ? ReportCsv.Render(report) : ReportText.Render(report));
            return report.AuditChain.Intact ? ToolExit.Ok : ToolExit.Failed;
        });
        return command;
    }
}
