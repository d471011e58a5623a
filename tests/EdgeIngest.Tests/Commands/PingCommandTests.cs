namespace EdgeIngest.Tests.Commands;

public sealed class PingCommandTests : IDisposable
{
    private readonly CommandWorkspace _workspace = new();

    [Fact]
    public void A_Ping_Is_Answered_Ok_With_Its_Command_Id_Device_And_Time()
    {
        var outcome = _workspace.Send(CommandWorkspace.Ping("c-2026-11-21-0001"));

        Assert.True(outcome.Ok);
        Assert.Null(outcome.Error);
        var result = CommandWorkspace.ResultOf(outcome);
        Assert.Equal("edgeingest.command-result/1", result.GetProperty("schema").GetString());
        Assert.Equal("c-2026-11-21-0001", result.GetProperty("command_id").GetString());
        Assert.Equal(CommandWorkspace.DeviceId, result.GetProperty("device_id").GetString());
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.Equal(CommandWorkspace.Now, result.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public void Fields_The_Device_Does_Not_Know_Are_Ignored()
    {
        var command = CommandWorkspace.Command("c-extra", "ping");
        command["issued_by"] = "dispatcher 12";

        Assert.True(_workspace.Send(command.ToJsonString()).Ok);
    }

    public void Dispose() => _workspace.Dispose();
}
