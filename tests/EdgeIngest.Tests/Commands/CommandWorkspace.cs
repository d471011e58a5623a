using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeIngest.Agreements;
using EdgeIngest.Commands;
using EdgeIngest.Configuration;
using EdgeIngest.Documents;
using EdgeIngest.Hotlists;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

/// <summary>
/// A device's command side on a temp folder: a configured signed hotlist (version 1), the storage folder,
/// and a holder and processor started the way the service starts them. Deleted on dispose.
/// </summary>
internal sealed class CommandWorkspace : IDisposable
{
    public const string DeviceId = "gate-01";

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 7, 2, 0, TimeSpan.Zero);

    private readonly ILoggerFactory _loggers;

    public CommandWorkspace(string configuredCsv = "plate,reason,priority\nCONF111,Configured listing,high\n", string deviceId = DeviceId)
    {
        Device = deviceId;
        Root = Directory.CreateTempSubdirectory("edgeingest-commands-").FullName;
        ConfiguredFile = TestAgency.WriteSignedHotlist(Root, configuredCsv, ConfiguredVersion);
        _loggers = Logs.CreateFactory();
        Logger = _loggers.CreateLogger("EdgeIngest.Commands");
        Restart();
    }

    public const long ConfiguredVersion = 1;

    /// <summary>The device id the reception answers with (<see cref="DeviceId"/> unless given).</summary>
    public string Device { get; }

    public string Root { get; }

    public RecordingAuditTrail Audit { get; } = new();

    public DocumentReception Reception { get; private set; } = null!;

    public string StorageDirectory => Path.Combine(Root, "storage");

    public string ConfiguredFile { get; }

    public InMemoryLoggerProvider Logs { get; } = new();

    public ILogger Logger { get; }

    public HotlistStore Store { get; private set; } = null!;

    public HotlistHolder Hotlists { get; private set; } = null!;

    public CommandProcessor Processor { get; private set; } = null!;

    /// <summary>What a service restart does: a new store, holder and processor over the same disk.</summary>
    public void Restart()
    {
        var key = TestAgency.PublicKey();
        Store = new HotlistStore(StorageDirectory, key, Logger);
        Hotlists = new HotlistHolder(Store.LoadNewest(ConfiguredFile).Hotlist);
        var agreements = new AgreementStore(StorageDirectory, key, Logger);
        Reception = new DocumentReception(Device, key, Hotlists, Store, new AgreementHolder(agreements.LoadNewest(null).Agreement, SharingPolicy.HitsOnly, AgreementHolder.DefaultLocalRetention), agreements, Audit, Logger);
        Processor = new CommandProcessor(DeviceId, Reception, Logger);
    }

    public CommandOutcome Send(string json) => Processor.Process(Encoding.UTF8.GetBytes(json), Now);

    public static string Ping(string commandId) => Command(commandId, "ping").ToJsonString();

    /// <summary>A <c>hotlist.replace</c> carrying <paramref name="csv"/> signed by the test agency as version <paramref name="version"/>.</summary>
    public static string Replace(string commandId, long version, string csv) => ReplaceSigned(commandId, TestAgency.SignHotlist(csv, version));

    public static string ReplaceSigned(string commandId, byte[] envelope)
    {
        var command = Command(commandId, "hotlist.replace");
        command["signed"] = JsonNode.Parse(envelope);
        return command.ToJsonString();
    }

    public static JsonObject Command(string commandId, string type) => new()
    {
        ["schema"] = "edgeingest.command/1",
        ["command_id"] = commandId,
        ["type"] = type,
    };

    /// <summary>Every file under the storage folder with its content, to show that nothing changed.</summary>
    public SortedDictionary<string, string> StoredFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(StorageDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(StorageDirectory, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(StorageDirectory, path)] = File.ReadAllText(path);
            }
        }

        return files;
    }

    public static JsonElement ResultOf(CommandOutcome outcome)
    {
        Assert.NotNull(outcome.ResultPayload);
        using var document = JsonDocument.Parse(outcome.ResultPayload);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        _loggers.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
