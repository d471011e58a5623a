using System.CommandLine;
using EdgeIngest.Configuration;

namespace EdgeIngest.Cli;

/// <summary>
/// Exit codes of the owner's tools (<c>audit verify|show</c>, <c>report</c>) and of the agency's <c>request</c>, which scripts and
/// agencies act on: 0 done and the audit holds, 1 the audit does not hold or the tool failed,
/// 2 a usage error, 3 a configuration that cannot be read.
/// </summary>
internal static class ToolExit
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int BadConfig = 3;

    /// <summary>The commands whose usage errors exit <see cref="Usage"/> (System.CommandLine's own code is 1, which here means "tampered").</summary>
    private static readonly string[] ToolCommands = ["audit", "report", "enroll", "request"];

    /// <summary>For a parse error in a tool command: prints it and returns <see cref="Usage"/>; otherwise null.</summary>
    public static int? UsageError(ParseResult parsed)
    {
        if (parsed.Errors.Count == 0)
        {
            return null;
        }

        var command = parsed.CommandResult;
        var top = command.Command;
        for (var parent = command.Parent as System.CommandLine.Parsing.CommandResult; parent?.Parent is not null; parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            top = parent.Command;
        }

        if (!ToolCommands.Contains(top.Name))
        {
            return null;
        }

        foreach (var error in parsed.Errors)
        {
            Console.Error.WriteLine($"edgeingest {string.Join(' ', Path(command))}: {error.Message} (see --help)");
        }

        return Usage;
    }

    /// <summary>Loads the device configuration, or prints why not (exit <see cref="BadConfig"/>).</summary>
    public static EdgeIngestConfig? LoadConfig(string path, string tool)
    {
        try
        {
            return ConfigLoader.Load(path);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"edgeingest {tool}: configuration error: {e.Message}");
            return null;
        }
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new Stack<string>();
        for (var at = command; at?.Parent is not null; at = at.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(at.Command.Name);
        }

        return names;
    }
}
