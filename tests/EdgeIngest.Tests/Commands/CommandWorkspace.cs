using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeIngest.Commands;
using EdgeIngest.Hotlists;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

/// <summary>
/// A device's command side on a temp folder: a configured hotlist (version 0), the storage folder,
/// and a holder and processor started the way the service starts them. Deleted on dispose.
/// </summary>
internal sealed class CommandWorkspace : IDisposable
{
    public const string DeviceId = "gate-01";

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 7, 2, 0, TimeSpan.Zero);

    private readonly ILoggerFactory _loggers;

    public CommandWorkspace(string configuredCsv = "plate,reason,priority\nCONF111,Configured listing,high\n")
    {
        Root = Directory.CreateTempSubdirectory("edgeingest-commands-").FullName;
        ConfiguredFile = Path.Combine(Root, "hotlist.csv");
        File.WriteAllText(ConfiguredFile, configuredCsv);
        _loggers = Logs.CreateFactory();
        Logger = _loggers.CreateLogger("EdgeIngest.Commands");
        Restart();
    }

    public string Root { get; }

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
        Store = new HotlistStore(StorageDirectory, Logger);
        Hotlists = new HotlistHolder(Store.LoadNewest(ConfiguredFile));
        Processor = new CommandProcessor(DeviceId, Hotlists, Store, Logger);
    }

    public CommandOutcome Send(string json) => Processor.Process(Encoding.UTF8.GetBytes(json), Now);

    public static string Ping(string commandId) => Command(commandId, "ping").ToJsonString();

    public static string Replace(string commandId, JsonNode? version, string csv)
    {
        var command = Command(commandId, "hotlist.replace");
        command["hotlist"] = new JsonObject { ["version"] = version, ["csv"] = csv };
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
