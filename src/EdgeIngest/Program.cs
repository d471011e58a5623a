using System.CommandLine;
using EdgeIngest.Cli;

var root = new RootCommand("EdgeIngest: licence-plate recognition at the edge. Reads RTSP cameras, matches plates against the agency's hotlist, and sends hits over MQTT.")
{
    RunCommand.Create(),
    DemoCommand.Create(),
    EvalCommand.Create(),
    ReceiveCommand.Create(),
};

// Ctrl-C cancels the command's token; give the children it started (ffmpeg, broker, simulator)
// time to stop cleanly before the process is torn down.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) };
return await root.Parse(args).InvokeAsync(invocation);
