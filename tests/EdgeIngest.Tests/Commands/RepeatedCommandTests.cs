using EdgeIngest.Commands;

namespace EdgeIngest.Tests.Commands;

/// <summary>The broker delivers at least once: a redelivered command is answered again but not applied twice.</summary>
public sealed class RepeatedCommandTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    [Fact]
    public void A_Redelivered_Replace_Is_Answered_As_Before_Without_Being_Applied_Again()
    {
        var command = CommandWorkspace.Replace("c-42", 42, "NEW4242,Stolen,critical\n");
        var first = _workspace.Send(command);
        var installed = _workspace.Hotlists.Current;

        var again = _workspace.Send(command);

        Assert.True(first.Ok);
        Assert.True(again.Ok);
        Assert.True(again.Repeated);
        Assert.Equal(first.ResultPayload, again.ResultPayload);
        Assert.Same(installed, _workspace.Hotlists.Current);
        Assert.Single(_workspace.Logs.Lines, line => line.EventId == 400);
        Assert.Single(_workspace.Logs.Lines, line => line.EventId == 402 && line.Contains("c-42"));
    }

    [Fact]
    public void A_Redelivered_Rejection_Is_Answered_With_The_Same_Reason()
    {
        var command = CommandWorkspace.Command("c-x", "reboot").ToJsonString();
        var first = _workspace.Send(command);

        var again = _workspace.Send(command);

        Assert.False(again.Ok);
        Assert.True(again.Repeated);
        Assert.Equal(first.Error, again.Error);
    }

    [Fact]
    public void A_Command_Id_Reused_For_A_Different_Command_Is_Refused()
    {
        Assert.True(_workspace.Send(CommandWorkspace.Replace("c-42", 42, "NEW4242,Stolen,critical\n")).Ok);

        var reused = _workspace.Send(CommandWorkspace.Replace("c-42", 43, "OTHER43,Stolen,critical\n"));

        Assert.False(reused.Ok);
        Assert.Equal("command_id 'c-42' was already used by a different command", reused.Error);
        Assert.Equal(42, _workspace.Hotlists.Current.Version);
        Assert.Null(_workspace.Hotlists.Match("OTHER43"));
    }

    [Fact]
    public void Only_The_Most_Recent_Command_Ids_Are_Remembered()
    {
        var processor = new CommandProcessor(CommandWorkspace.DeviceId, _workspace.Reception, _workspace.Logger, rememberedCommands: 2);
        var replace = CommandWorkspace.Replace("c-1", 2, "TWO222,v2\n");
        Assert.True(processor.Process(Bytes(replace), CommandWorkspace.Now).Ok);
        processor.Process(Bytes(CommandWorkspace.Ping("c-2")), CommandWorkspace.Now);
        processor.Process(Bytes(CommandWorkspace.Ping("c-3")), CommandWorkspace.Now);

        var forgotten = processor.Process(Bytes(replace), CommandWorkspace.Now);
        var remembered = processor.Process(Bytes(CommandWorkspace.Ping("c-3")), CommandWorkspace.Now);

        // Forgotten, so handled afresh: the document reception knows the same signed list is in force.
        Assert.False(forgotten.Repeated);
        Assert.True(forgotten.Ok, forgotten.Error);
        Assert.True(remembered.Repeated);
        Assert.Equal(2, _workspace.Hotlists.Current.Version);
        Assert.Single(_workspace.Audit.OfKind("hotlist_accepted"));
    }

    public void Dispose() => _workspace.Dispose();

    private static byte[] Bytes(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
