using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Commands;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// <c>edgeingest request footage</c>, run as the real CLI against the deployed agency broker; the
/// test plays the device (the real device's answer is the end-to-end test's business).
/// </summary>
public sealed class FootageRequestCommandTests(AgencyPki pki) : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-request-cli-").FullName;

    [Theory]
    [InlineData("--case", "Option '--case' is required")]
    [InlineData("--camera", "Option '--camera' is required")]
    [InlineData("--config", "Option '--config' is required")]
    public async Task A_Missing_Option_Is_A_Usage_Error_Naming_It(string left, string expected)
    {
        var arguments = Arguments("unused.yaml").ToList();
        var at = arguments.IndexOf(left);
        arguments.RemoveRange(at, 2);

        var run = await RunAsync([.. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-12-06T14:00:00", "--from '2026-12-06T14:00:00': expected an ISO 8601 time with offset")]
    [InlineData("--to", "2026-12-06T13:00:00Z", "is not before --to")]
    [InlineData("--case", " ", "--case is blank")]
    [InlineData("--reason", "Burglary!", "--reason 'Burglary!' is not 1–64 lower-case letters")]
    [InlineData("--id", "..", "--id '..' is not 1–64 letters")]
    [InlineData("--id", "a/b", "--id 'a/b' is not 1–64 letters")]
    [InlineData("--camera", "ga.te", "--camera 'ga.te' is not a camera id")]
    [InlineData("--device", "dev/a", "--device 'dev/a' is not a device id")]
    [InlineData("--wait", "0", "--wait 0: expected 1 to 3600 seconds")]
    public async Task A_Bad_Value_Is_A_Usage_Error_Naming_The_Option(string option, string value, string expected)
    {
        var arguments = Arguments("unused.yaml").ToList();
        var at = arguments.IndexOf(option);
        if (at < 0)
        {
            arguments.AddRange([option, value]);
        }
        else
        {
            arguments[at + 1] = value;
        }

        var run = await RunAsync([.. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Request_Is_Published_To_The_Device_And_Its_Pending_Answer_Printed_With_Exit_0()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = AgencyDevice.WriteReceiverConfig(broker, pki, Path.Combine(_dir, "agency"));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var commands = await AnswerCommandsAsync(device, ok: true, error: null);

        var run = await RunAsync([.. Arguments(config), "--camera", "yard", "--note", "white van, rear door", "--id", "fr-2026-12-06-0001"]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StandardOutput} {run.StandardError}");
        Assert.Contains("pending: request fr-2026-12-06-0001 waits for the owner of dev-a", run.StandardOutput, StringComparison.Ordinal);
        var command = await commands.Reader.ReadAsync(TestContext.Current.CancellationToken);
        Assert.False(command.Retain);
        Assert.Equal(1, command.Qos);
        using var json = JsonDocument.Parse(command.Payload);
        var root = json.RootElement;
        Assert.Equal(("edgeingest.command/1", "fr-2026-12-06-0001", "footage.request"), (root.GetProperty("schema").GetString(), root.GetProperty("command_id").GetString(), root.GetProperty("type").GetString()));
        var footage = root.GetProperty("footage");
        Assert.Equal(("2026-004512", "burglary", "Det. A. Ruiz #4411", "white van, rear door"),
            (footage.GetProperty("case_number").GetString(), footage.GetProperty("reason_code").GetString(), footage.GetProperty("officer").GetString(), footage.GetProperty("note").GetString()));
        Assert.Equal(["gate", "yard"], footage.GetProperty("cameras").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero), footage.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 14, 30, 0, TimeSpan.Zero), footage.GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_Refusal_Is_Printed_With_Its_Reason_And_Exit_1_And_A_Generated_Id_Is_Used()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = AgencyDevice.WriteReceiverConfig(broker, pki, Path.Combine(_dir, "agency"));
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var commands = await AnswerCommandsAsync(device, ok: false, error: "window of 30 h is longer than the agreement's 12 h");

        var run = await RunAsync(Arguments(config));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused: dev-a refused request fr-", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("window of 30 h is longer than the agreement's 12 h", run.StandardOutput, StringComparison.Ordinal);
        var command = await commands.Reader.ReadAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(command.Payload);
        var id = json.RootElement.GetProperty("command_id").GetString()!;
        Assert.StartsWith("fr-", id, StringComparison.Ordinal);
        Assert.Equal(7, Guid.Parse(id[3..]).Version);
    }

    [Fact]
    public async Task No_Answer_Within_The_Wait_Is_Exit_1_With_A_Clear_Message()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var config = AgencyDevice.WriteReceiverConfig(broker, pki, Path.Combine(_dir, "agency"));

        var run = await RunAsync([.. Arguments(config), "--wait", "2", "--id", "fr-silent"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no answer from dev-a within 2 s", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("--id fr-silent", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unreachable_Broker_Is_Exit_1_Naming_It()
    {
        int port;
        await using (var broker = await AgencyBroker.StartAsync(pki))
        {
            port = broker.Port;
        }

        var config = Path.Combine(_dir, "receiver.yaml");
        File.WriteAllText(config, $"""
            broker:
              host: 127.0.0.1
              port: {port}
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
                key_file: {pki.ReceiverKey}
            output_directory: {Path.Combine(_dir, "agency")}
            """);

        var run = await RunAsync(Arguments(config));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("edgeingest request footage: broker:", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", run.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Arguments(string config) =>
    [
        "request", "footage", "--config", config, "--device", AgencyPki.DeviceA, "--camera", "gate",
        "--from", "2026-12-06T14:00:00Z", "--to", "2026-12-06T14:30:00Z", "--case", "2026-004512",
        "--reason", "burglary", "--officer", "Det. A. Ruiz #4411",
    ];

    /// <summary>Plays the device: answers every command on its topic as told, and hands the commands to the test.</summary>
    private static async Task<Channel<MqttReceivedMessage>> AnswerCommandsAsync(IMqttClient device, bool ok, string? error)
    {
        var commands = Channel.CreateUnbounded<MqttReceivedMessage>();
        device.MessageReceived += (_, message) =>
        {
            commands.Writer.TryWrite(message);
            using var json = JsonDocument.Parse(message.Payload);
            var answer = new CommandResult(CommandResult.SchemaV1, json.RootElement.GetProperty("command_id").GetString()!, AgencyPki.DeviceA, ok, error, DateTimeOffset.UtcNow);
            // Not awaited: an event handler must not wait on the client.
            _ = device.PublishAsync($"edgeingest/{AgencyPki.DeviceA}/command-results", JsonSerializer.SerializeToUtf8Bytes(answer, CommandJsonContext.Default.CommandResult), 1, retain: false, CancellationToken.None);
        };
        await device.SubscribeAsync($"edgeingest/{AgencyPki.DeviceA}/commands", 1, TestContext.Current.CancellationToken);
        return commands;
    }

    private static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(60));
}
