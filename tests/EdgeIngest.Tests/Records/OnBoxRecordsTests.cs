using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Records;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Records;

/// <summary>The box's audit and store opened and closed as the appliance does: start, purge, stop, and a configuration changed between runs.</summary>
public sealed class OnBoxRecordsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edgeingest-onbox-").FullName;
    private readonly InMemoryLoggerProvider _logs = new();

    private string Storage => Path.Combine(_directory, "data");

    private string ConfigPath => Path.Combine(_directory, "device.yaml");

    [Fact]
    public async Task A_Run_Records_Its_Start_First_Purge_And_Stop_In_An_Intact_Chain()
    {
        WriteConfig(port: 1883);
        await RunOnceAsync();

        var kinds = AuditReader.ReadRecords(AuditPaths.Under(Storage)).Select(r => r.Kind).ToList();

        Assert.Equal([AuditKinds.ServiceStarted, AuditKinds.Purge, AuditKinds.ServiceStopped], kinds);
        Assert.True(AuditVerifier.Verify(AuditPaths.Under(Storage)).Intact);
    }

    [Fact]
    public async Task A_Configuration_Changed_Between_Runs_Is_Audited_With_The_Sections_That_Changed()
    {
        WriteConfig(port: 1883);
        await RunOnceAsync();
        await RunOnceAsync();
        WriteConfig(port: 8883);
        await RunOnceAsync();

        var records = AuditReader.ReadRecords(AuditPaths.Under(Storage)).ToList();
        var changes = records.Where(r => r.Kind == AuditKinds.ConfigChanged).ToList();

        var change = Assert.Single(changes);
        Assert.Equal("broker", change.Field(AuditFields.ChangedKeys));
        Assert.NotEqual(change.Field(AuditFields.OldSha256), change.Field(AuditFields.NewSha256));
        Assert.Equal(AuditKinds.ServiceStarted, records[records.IndexOf(change) + 1].Kind);
        Assert.DoesNotContain(records, r => r.Fields.Any(f => f.Value.Contains("8883", StringComparison.Ordinal)));
        Assert.Contains("changed: broker", AuditText.Describe(change), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task RunOnceAsync()
    {
        await using var records = OnBoxRecords.Open(Storage, ConfigPath, "1.0.0", () => AgreementHolder.DefaultLocalRetention, TimeProvider.System, _logs.CreateFactory());
        records.Start();
        await Eventually.HoldsAsync(() => records.Purger.Purges == 1, TimeSpan.FromSeconds(10), () => "the purge at start");
    }

    private void WriteConfig(int port) => File.WriteAllText(ConfigPath, $"""
        device:
          id: gate-01
        broker:
          host: 127.0.0.1
          port: {port}
        storage:
          directory: data
        """);
}
