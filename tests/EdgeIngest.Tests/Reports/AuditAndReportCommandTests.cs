using System.Text.Json;
using EdgeIngest.Audit;
using EdgeIngest.Tests.Audit;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Reports;

/// <summary>The real <c>edgeingest audit verify|show</c> and <c>report</c> on a device's storage folder: what they print and how they exit.</summary>
public sealed class AuditAndReportCommandTests : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly string _directory = Directory.CreateTempSubdirectory("edgeingest-audit-cli-").FullName;

    private AuditPaths Audit => AuditPaths.Under(Path.Combine(_directory, "data"));

    [Fact]
    public async Task Verify_Exits_0_On_An_Intact_Chain_And_1_Naming_The_First_Bad_Record_When_Edited()
    {
        var config = WriteConfig();
        using (var log = AuditLog.Open(Audit, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            log.Append(AuditKinds.ServiceStarted, [new(AuditFields.SoftwareVersion, "1.0.0")]);
            log.Append(AuditKinds.Disclosure, [new(AuditFields.EventId, "e1"), new(AuditFields.What, "hit"), new(AuditFields.Agency, "County Sheriff"), new(AuditFields.Plate, "KXT4821"), new(AuditFields.ListedPlate, "KXT4821"), new(AuditFields.Category, "stolen_vehicle"), new(AuditFields.MatchKind, "exact")]);
            log.Append(AuditKinds.ServiceStopped, []);
        }

        var checkpoint = AuditVerifier.Verify(Audit).Head;

        var intact = await RunAsync("audit", "verify", "--config", config, "--expect-head", checkpoint.ToString());
        Assert.True(intact.ExitCode == 0, intact.StandardOutput + intact.StandardError);
        Assert.Contains($"Audit chain intact: 3 records", intact.StandardOutput, StringComparison.Ordinal);

        var show = await RunAsync("audit", "show", "--config", config);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("#2  Sent hit e1 to County Sheriff: plate KXT4821 matched the listed plate KXT4821 (stolen_vehicle, exact match).", show.StandardOutput, StringComparison.Ordinal);

        File.WriteAllText(Audit.LogFile, File.ReadAllText(Audit.LogFile).Replace("County Sheriff", "Someone Else", StringComparison.Ordinal));
        var edited = await RunAsync("audit", "verify", "--config", config);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains("first bad record 2 (line 2): its content does not match its hash (edited?)", edited.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Prints_The_Store_And_Audit_As_Json_And_Exits_2_On_Conflicting_Formats_And_3_On_A_Bad_Config()
    {
        var config = WriteConfig();
        var storage = Path.Combine(_directory, "data");
        using (var store = EdgeIngest.Records.RecordStore.Open(storage))
        {
            store.RecordRead(Records.RecordsFolder.Read("r1", DateTimeOffset.UtcNow));
            store.RecordHit(Records.RecordsFolder.Hit("r1", DateTimeOffset.UtcNow));
        }

        using (var log = AuditLog.Open(Audit, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            log.Append(AuditKinds.HotlistAccepted, [new(AuditFields.Version, "9")]);
        }

        var json = await RunAsync("report", "--config", config, "--days", "3", "--json");
        Assert.True(json.ExitCode == 0, json.StandardOutput + json.StandardError);
        using var report = JsonDocument.Parse(json.StandardOutput);
        var today = report.RootElement.GetProperty("per_day")[2];
        Assert.Equal(1, today.GetProperty("vehicles_read").GetInt64());
        Assert.Equal(1, today.GetProperty("disclosures").GetInt64());
        Assert.Equal("9", report.RootElement.GetProperty("hotlist_versions")[0].GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("agreement").ValueKind);

        Assert.Equal(2, (await RunAsync("report", "--config", config, "--json", "--csv")).ExitCode);
        File.WriteAllText(config, "device:\n  id: 'not an id'\n");
        var bad = await RunAsync("report", "--config", config);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("device.id", bad.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(60));

    private string WriteConfig()
    {
        TestAgency.WriteSignedHotlist(_directory, "plate,category,reason,priority\nKXT4821,stolen_vehicle,test,high\n");
        var path = Path.Combine(_directory, "device.yaml");
        File.WriteAllText(path, $"""
            device:
              id: gate-01
            cameras:
              - id: gate
                url: rtsp://127.0.0.1:8554/gate
            broker:
              host: 127.0.0.1
              port: 1883
            storage:
              directory: data
            {TestAgency.ConfigYaml}
            """);
        return path;
    }
}
