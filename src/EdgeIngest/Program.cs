using System.CommandLine;
using EdgeIngest.Cli;

var root = new RootCommand("EdgeIngest: licence-plate recognition at the edge. Reads RTSP cameras, matches plates against the agency's hotlist, and sends hits over MQTT.")
{
    RunCommand.Create(),
    DemoCommand.Create(),
    EvalCommand.Create(),
    ReceiveCommand.Create(),
    HotlistCommand.Create(),
    AgreementCommand.Create(),
    RequestCommand.Create(),
    AuditCommand.Create(),
    ReportCommand.Create(),
    EnrollCommand.Create(),
};

// An unknown command is a usage error even when --help follows it (System.CommandLine would
// print the root help and succeed, and a script would carry on as if the command had run).
if (args.Length > 0 && !args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0]))
{
    Console.Error.WriteLine($"edgeingest: unknown command {args[0]}; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))} (see ./edgeingest --help)");
    return 2;
}

// Ctrl-C cancels the command's token; give the children it started (ffmpeg, broker, simulator)
// time to stop cleanly before the process is torn down.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) };
var parsed = root.Parse(args);
return ToolExit.UsageError(parsed) ?? await parsed.InvokeAsync(invocation);
