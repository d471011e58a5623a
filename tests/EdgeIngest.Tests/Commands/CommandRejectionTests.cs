using System.Text;
using System.Text.Json;
using EdgeIngest.Commands;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.Commands;

/// <summary>
/// Every way a command can be refused: each answers ok=false with its reason (when a command_id
/// could be read), logs a warning, and leaves the list in use and the stored files as they were.
/// The device starts each test on an accepted version 5, so there are stored files to disturb.
/// </summary>
public sealed class CommandRejectionTests : IDisposable
{
    private const string Version5Csv = "plate,reason,priority\nFIVE555,Listed in version 5,high\n";

    private readonly CommandWorkspace _workspace = new();

    public CommandRejectionTests()
    {
        Assert.True(_workspace.Send(CommandWorkspace.Replace("setup", 5, Version5Csv)).Ok);
    }

    public static TheoryData<string, string, string?> Rejections => new()
    {
        { "not json", "command is not valid JSON", null },
        { """{"schema":"edgeingest.command/1","command_id":"c-cut","type":"ping",""", "command is not valid JSON", "c-cut" },
        { """[{"command_id":"c-1"}]""", "command must be a JSON object, found an array", null },
        { "\"ping\"", "command must be a JSON object, found a string", null },
        { """{"schema":"edgeingest.command/2","command_id":"c-1","type":"ping"}""", "schema 'edgeingest.command/2' is not supported; expected 'edgeingest.command/1'", "c-1" },
        { """{"command_id":"c-1","type":"ping"}""", "command has no schema; expected 'edgeingest.command/1'", "c-1" },
        { """{"schema":"edgeingest.command/1","type":"ping"}""", "command has no command_id", null },
        { """{"schema":"edgeingest.command/1","command_id":"","type":"ping"}""", "command_id is empty", null },
        { """{"schema":"edgeingest.command/1","command_id":42,"type":"ping"}""", "command_id must be a string, found a number", null },
        { $$"""{"schema":"edgeingest.command/1","command_id":"{{new string('x', 129)}}","type":"ping"}""", "command_id of 129 characters exceeds the 128-character limit", null },
        { """{"schema":"edgeingest.command/1","command_id":"c-\n1","type":"ping"}""", "command_id contains control characters", null },
        { """{"schema":"edgeingest.command/1","command_id":"c-1","type":"ping","type":"hotlist.replace"}""", "command is not valid JSON", "c-1" },
        { """{"schema":"edgeingest.command/1","command_id":"c-1"}""", "command has no type; expected ping, hotlist.replace or footage.request", "c-1" },
        { """{"schema":"edgeingest.command/1","command_id":"c-1","type":"reboot"}""", "unknown command type 'reboot'; expected ping, hotlist.replace or footage.request", "c-1" },
        { """{"schema":"edgeingest.command/1","command_id":"c-1","type":"hotlist.replace"}""", "hotlist.replace needs \"signed\": the signed hotlist", "c-1" },
        { """{"schema":"edgeingest.command/1","command_id":"c-1","type":"hotlist.replace","hotlist":{"version":6,"csv":"NEW666,Stolen,high\n"}}""", "hotlist.replace no longer takes an unsigned csv", "c-1" },
        { CommandWorkspace.ReplaceSigned("c-1", TestAgency.Key.Sign("hotlist", """{"schema":"edgeingest.hotlist/2","version":6,"issued_at":"2026-11-20T12:00:00Z","entries":[{"plate":"NEW666","category":"stolen","reason":"Stolen"},{"plate":"X","category":"bolo","reason":"r"}]}"""u8.ToArray()).ToJson()), "malformed: hotlist command 'c-1' is not valid:", "c-1" },
        { CommandWorkspace.ReplaceSigned("c-1", TestAgency.Key.Sign("hotlist", """{"schema":"edgeingest.hotlist/2","version":6,"issued_at":"2026-11-20T12:00:00Z","entries":[{"plate":"NEW666","category":"stolen","reason":"Stolen"}]}"""u8.ToArray()).ToJson()), "entries[0]: category 'stolen' of plate NEW666 — expected one of amber_alert,", "c-1" },
        { CommandWorkspace.Replace("c-1", 5, "NEW666,Stolen,high\n"), "replay: command 'c-1': hotlist version 5 is not newer than version 5 in force", "c-1" },
        { CommandWorkspace.Replace("c-1", 4, "NEW666,Stolen,high\n"), "replay: command 'c-1': hotlist version 4 is not newer than version 5 in force", "c-1" },
        { CommandWorkspace.ReplaceSigned("c-1", TestAgency.SignHotlist("NEW666,Stolen,high\n", 6, TestAgency.Stranger)), "unknown_key: command 'c-1': signed by key", "c-1" },
        { CommandWorkspace.ReplaceSigned("c-1", TestAgency.SignDelta(7, 6, "NEW666,Stolen,high\n", [])), "base_not_held: command 'c-1': hotlist delta 6 → 7 applies to version 6, but this device holds version 5", "c-1" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void A_Refused_Command_Answers_Its_Reason_And_Changes_Nothing(string payload, string reason, string? answeredId)
    {
        var before = _workspace.Hotlists.Current;
        var storedBefore = _workspace.StoredFiles();

        var outcome = _workspace.Send(payload);

        Assert.False(outcome.Ok);
        Assert.NotNull(outcome.Error);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
        Assert.Equal(answeredId, outcome.CommandId);
        if (answeredId is null)
        {
            Assert.Null(outcome.ResultPayload);
        }
        else
        {
            var result = CommandWorkspace.ResultOf(outcome);
            Assert.Equal("edgeingest.command-result/1", result.GetProperty("schema").GetString());
            Assert.Equal(answeredId, result.GetProperty("command_id").GetString());
            Assert.Equal(CommandWorkspace.DeviceId, result.GetProperty("device_id").GetString());
            Assert.False(result.GetProperty("ok").GetBoolean());
            Assert.Equal(outcome.Error, result.GetProperty("error").GetString());
        }

        Assert.Same(before, _workspace.Hotlists.Current);
        Assert.NotNull(_workspace.Hotlists.Match("FIVE555", DateTimeOffset.UtcNow));
        Assert.Null(_workspace.Hotlists.Match("NEW666", DateTimeOffset.UtcNow));
        Assert.Equal(storedBefore, _workspace.StoredFiles());
        Assert.Contains(_workspace.Logs.Lines, line =>
            line is { EventId: 401, Level: LogLevel.Warning } && line.Contains(reason) && line.Contains(answeredId ?? "(no usable command_id)"));
    }

    [Fact]
    public void A_Command_Over_1_MiB_Is_Refused_Unread_And_Answered_By_The_Id_In_Its_First_Bytes()
    {
        var before = _workspace.Hotlists.Current;
        var storedBefore = _workspace.StoredFiles();
        var payload = Padded(CommandWorkspace.Ping("c-big"), (int)(2.3 * 1024 * 1024));

        var outcome = _workspace.Processor.Process(payload, CommandWorkspace.Now);

        Assert.False(outcome.Ok);
        Assert.Equal("command of 2,411,724 bytes exceeds the 1,048,576-byte (1 MiB) limit", outcome.Error);
        Assert.Equal("c-big", outcome.CommandId);
        var result = JsonSerializer.Deserialize(outcome.ResultPayload!, CommandJsonContext.Default.CommandResult)!;
        Assert.Equal(("c-big", false, outcome.Error), (result.CommandId, result.Ok, result.Error));
        Assert.Same(before, _workspace.Hotlists.Current);
        Assert.Equal(storedBefore, _workspace.StoredFiles());
        Assert.Contains(_workspace.Logs.Lines, line => line is { EventId: 401, Level: LogLevel.Warning } && line.Contains("exceeds the 1,048,576-byte") && line.Contains("c-big"));
    }

    [Fact]
    public void A_Command_Over_1_MiB_Whose_Id_Lies_Beyond_The_Limit_Gets_No_Answer()
    {
        var padding = new string(' ', CommandLimits.MaxPayloadBytes);
        var payload = Encoding.UTF8.GetBytes($$"""{"schema":"edgeingest.command/1",{{padding}}"command_id":"c-late","type":"ping"}""");

        var outcome = _workspace.Processor.Process(payload, CommandWorkspace.Now);

        Assert.False(outcome.Ok);
        Assert.Null(outcome.CommandId);
        Assert.Null(outcome.ResultPayload);
    }

    [Fact]
    public void A_Command_Of_Exactly_1_MiB_Is_Read()
    {
        var outcome = _workspace.Processor.Process(Padded(CommandWorkspace.Ping("c-full"), CommandLimits.MaxPayloadBytes), CommandWorkspace.Now);

        Assert.True(outcome.Ok, outcome.Error);
    }

    [Fact]
    public void A_Hotlist_That_Cannot_Be_Stored_Is_Refused_And_The_List_In_Use_Stays()
    {
        var before = _workspace.Hotlists.Current;
        var hotlistFolder = _workspace.Store.DirectoryPath;
        Directory.Delete(hotlistFolder, recursive: true);
        File.WriteAllText(hotlistFolder, "a file where the folder should be");

        var outcome = _workspace.Send(CommandWorkspace.Replace("c-disk", 6, "NEW666,Stolen,high\n"));

        Assert.False(outcome.Ok);
        Assert.StartsWith("not_stored: hotlist version 6 could not be stored: ", outcome.Error, StringComparison.Ordinal);
        Assert.Same(before, _workspace.Hotlists.Current);
        Assert.Null(_workspace.Hotlists.Match("NEW666", DateTimeOffset.UtcNow));
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>The JSON with trailing spaces up to <paramref name="length"/> bytes: still valid JSON.</summary>
    private static byte[] Padded(string json, int length)
    {
        var payload = new byte[length];
        payload.AsSpan().Fill((byte)' ');
        Encoding.UTF8.GetBytes(json).CopyTo(payload, 0);
        return payload;
    }
}
