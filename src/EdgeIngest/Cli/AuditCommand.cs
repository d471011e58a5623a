using System.CommandLine;
using System.Globalization;
using EdgeIngest.Audit;

namespace EdgeIngest.Cli;

/// <summary>
/// <c>edgeingest audit verify --config FILE [--expect-head SEQ:HASH]</c> and
/// <c>edgeingest audit show --config FILE [--since DATE]</c>: the owner's (and the agency's) look
/// at the box's audit chain. Exit codes: see <see cref="ToolExit"/>.
/// </summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "The box's tamper-evident audit of what it disclosed and what changed its rules")
    {
        Verify(),
        Show(),
    };

    private static Option<FileInfo> ConfigOption() =>
        new("--config") { Description = "The device's configuration file (YAML); the audit is under its storage.directory", Required = true };

    private static Command Verify()
    {
        var config = ConfigOption();
        var expect = new Option<string?>("--expect-head")
        {
            Description = "A checkpoint SEQ:HASH the agency holds (from a heartbeat's \"audit\" field): the log must hold that record with that hash",
        };
        var command = new Command("verify", "Check the audit chain: exit 0 when it holds, 1 naming the first bad record (seq and line) when it does not") { config, expect };
        command.SetAction(result =>
        {
            AuditHead? head = null;
            if (result.GetValue(expect) is { } text)
            {
                head = AuditHead.TryParse(text);
                if (head is null)
                {
                    Console.Error.WriteLine($"edgeingest audit verify: --expect-head '{text}' is not SEQ:HASH (a record number, a colon, 64 hex digits)");
                    return ToolExit.Usage;
                }
            }

            if (ToolExit.LoadConfig(result.GetValue(config)!.FullName, "audit verify") is not { } loaded)
            {
                return ToolExit.BadConfig;
            }

            var paths = AuditPaths.Under(loaded.Storage.Directory);
            try
            {
                var verification = AuditVerifier.Verify(paths, head);
                if (verification.FirstBreak is { } broken)
                {
                    Console.Out.WriteLine($"Audit chain BROKEN in {paths.LogFile}: first bad {broken}");
                    Console.Out.WriteLine($"{verification.Records} records read; the last is {verification.Head}.");
                    return ToolExit.Failed;
                }

                Console.Out.WriteLine(verification.Records == 0
                    ? $"Audit chain intact: {paths.LogFile} holds no record yet."
                    : $"Audit chain intact: {verification.Records} records in {paths.LogFile}, head {verification.Head}{(head is { } h ? $", holds the checkpoint {h.Seq}" : "")}.");
                return ToolExit.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"edgeingest audit verify: cannot read the audit under '{paths.Folder}': {e.Message}");
                return ToolExit.Failed;
            }
        });
        return command;
    }

    private static Command Show()
    {
        var config = ConfigOption();
        var since = new Option<string?>("--since") { Description = "Only records from this date or time on (e.g. 2026-11-01 or 2026-11-01T08:00Z; UTC unless an offset is given)" };
        var command = new Command("show", "Print the audit records in plain words, marking where the chain breaks") { config, since };
        command.SetAction(result =>
        {
            DateTimeOffset? from = null;
            if (result.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    Console.Error.WriteLine($"edgeingest audit show: --since '{text}' is not a date (e.g. 2026-11-01 or 2026-11-01T08:00Z)");
                    return ToolExit.Usage;
                }

                from = at;
            }

            if (ToolExit.LoadConfig(result.GetValue(config)!.FullName, "audit show") is not { } loaded)
            {
                return ToolExit.BadConfig;
            }

            try
            {
                return AuditShow.Print(AuditPaths.Under(loaded.Storage.Directory), from, Console.Out);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"edgeingest audit show: cannot read the audit: {e.Message}");
                return ToolExit.Failed;
            }
        });
        return command;
    }
}
