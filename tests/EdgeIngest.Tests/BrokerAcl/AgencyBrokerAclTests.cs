using System.Text;
using System.Threading.Channels;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Mqtt;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.BrokerAcl;

/// <summary>The deployed agency broker configuration and ACL, on a real mosquitto with mutual TLS.</summary>
public sealed class AgencyBrokerAclTests(AgencyPki pki)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Device_Publishing_Under_Another_Devices_Id_Is_Refused_And_The_Receiver_Never_Gets_It()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var deviceA = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var forged = DevicePayloads.Hit(AgencyPki.DeviceB);
        var own = DevicePayloads.Hit(AgencyPki.DeviceA);

        var refusal = await Assert.ThrowsAsync<MqttException>(() => deviceA.PublishAsync("edgeingest/dev-b/hits", DevicePayloads.Json(forged)));
        await deviceA.PublishAsync("edgeingest/dev-a/hits", DevicePayloads.Json(own));
        await receiver.WaitUntilAsync(c => c.Hits == 1);

        Assert.Contains("Not authorized", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("0x87", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("edgeingest/dev-b/hits", refusal.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(receiver.Output, "hits", "dev-a", $"{own.EventId}.json")));
        Assert.False(Directory.Exists(Path.Combine(receiver.Output, "hits", "dev-b")));
        Assert.Equal(0, receiver.Counters.RejectedMessages);
    }

    [Fact]
    public async Task A_Device_Receives_Only_Its_Own_Commands_And_Only_The_Receiver_May_Send_Them()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var deviceA = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        await using var deviceB = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceB);
        await using var agency = new MqttNetClient(AgencyBroker.Device(broker, pki, AgencyPki.DeviceA) with
        {
            ClientId = "agency-console",
            CertificateFile = pki.ReceiverCertificate,
            KeyFile = pki.ReceiverKey,
        });
        await agency.ConnectAsync(Cancellation);
        var received = Channel.CreateUnbounded<MqttReceivedMessage>();
        deviceA.MessageReceived += (_, message) => received.Writer.TryWrite(message);

        // mosquitto 2.0 grants any subscription and applies the read ACL to each message delivered,
        // so a wildcard is the way to ask for other devices' commands.
        await deviceA.SubscribeAsync("edgeingest/+/commands", 1, Cancellation);
        var impersonating = await Assert.ThrowsAsync<MqttException>(() => deviceB.PublishAsync("edgeingest/dev-a/commands", "{}"u8.ToArray()));
        var writingStatusOfA = await Assert.ThrowsAsync<MqttException>(() => deviceB.PublishAsync("edgeingest/dev-a/status", DevicePayloads.Status(AgencyPki.DeviceA)));
        await agency.PublishAsync("edgeingest/dev-b/commands", "{\"to\":\"b\"}"u8.ToArray());
        await agency.PublishAsync("edgeingest/dev-a/commands", "{\"to\":\"a\"}"u8.ToArray());

        Assert.Contains("Not authorized", impersonating.Message, StringComparison.Ordinal);
        Assert.Contains("Not authorized", writingStatusOfA.Message, StringComparison.Ordinal);
        var command = await received.Reader.NextAsync();
        Assert.Equal("edgeingest/dev-a/commands", command.Topic);
        Assert.Equal("{\"to\":\"a\"}", Encoding.UTF8.GetString(command.Payload));
        Assert.True(await received.Reader.StaysEmptyAsync(TimeSpan.FromMilliseconds(300)), "device A received another device's command");
    }

    [Fact]
    public async Task A_Device_Reads_Only_Its_Own_Acknowledgements_And_Only_The_Receiver_May_Send_Them()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var deviceA = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        await using var deviceB = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceB);
        await using var agency = new MqttNetClient(AgencyBroker.Device(broker, pki, AgencyPki.DeviceA) with
        {
            ClientId = "agency-console",
            CertificateFile = pki.ReceiverCertificate,
            KeyFile = pki.ReceiverKey,
        });
        await agency.ConnectAsync(Cancellation);
        var received = Channel.CreateUnbounded<MqttReceivedMessage>();
        deviceA.MessageReceived += (_, message) => received.Writer.TryWrite(message);

        // A wildcard asks for every device's acknowledgements; the read ACL must deliver A's only.
        await deviceA.SubscribeAsync("edgeingest/+/acks", 1, Cancellation);
        var forging = await Assert.ThrowsAsync<MqttException>(() => deviceB.PublishAsync("edgeingest/dev-a/acks", "{}"u8.ToArray()));
        await agency.PublishAsync("edgeingest/dev-b/acks", "{\"to\":\"b\"}"u8.ToArray());
        await agency.PublishAsync("edgeingest/dev-a/acks", "{\"to\":\"a\"}"u8.ToArray());

        Assert.Contains("Not authorized", forging.Message, StringComparison.Ordinal);
        var ack = await received.Reader.NextAsync();
        Assert.Equal("edgeingest/dev-a/acks", ack.Topic);
        Assert.Equal("{\"to\":\"a\"}", Encoding.UTF8.GetString(ack.Payload));
        Assert.True(await received.Reader.StaysEmptyAsync(TimeSpan.FromMilliseconds(300)), "device A received another device's acknowledgement");
    }

    [Theory]
    [InlineData("hotlist")]
    [InlineData("agreement")]
    public async Task A_Device_Reads_Only_Its_Own_Retained_Signed_Document_And_No_Device_May_Write_One(string kind)
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var agency = new MqttNetClient(AgencyBroker.Device(broker, pki, AgencyPki.DeviceA) with
        {
            ClientId = "agency-publisher",
            CertificateFile = pki.ReceiverCertificate,
            KeyFile = pki.ReceiverKey,
        });
        await agency.ConnectAsync(Cancellation);

        // Retained before the devices connect, as `hotlist publish` leaves them.
        await agency.PublishAsync($"edgeingest/dev-a/{kind}", "{\"to\":\"a\"}"u8.ToArray(), 1, retain: true, Cancellation);
        await agency.PublishAsync($"edgeingest/dev-b/{kind}", "{\"to\":\"b\"}"u8.ToArray(), 1, retain: true, Cancellation);
        await using var deviceA = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        await using var deviceB = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceB);
        var received = Channel.CreateUnbounded<MqttReceivedMessage>();
        deviceA.MessageReceived += (_, message) => received.Writer.TryWrite(message);
        await deviceA.SubscribeAsync($"edgeingest/+/{kind}", 1, Cancellation);

        var forgingForA = await Assert.ThrowsAsync<MqttException>(() => deviceB.PublishAsync($"edgeingest/dev-a/{kind}", "{}"u8.ToArray()));
        var writingOwn = await Assert.ThrowsAsync<MqttException>(() => deviceA.PublishAsync($"edgeingest/dev-a/{kind}", "{}"u8.ToArray()));

        Assert.Contains("Not authorized", forgingForA.Message, StringComparison.Ordinal);
        Assert.Contains("Not authorized", writingOwn.Message, StringComparison.Ordinal);
        var document = await received.Reader.NextAsync();
        Assert.Equal($"edgeingest/dev-a/{kind}", document.Topic);
        Assert.Equal("{\"to\":\"a\"}", Encoding.UTF8.GetString(document.Payload));
        Assert.True(await received.Reader.StaysEmptyAsync(TimeSpan.FromMilliseconds(300)), $"device A received another device's {kind}");
    }

    [Fact]
    public async Task A_Client_Without_A_Certificate_Cannot_Connect()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        await using var client = new MqttNetClient(AgencyBroker.Device(broker, pki, AgencyPki.DeviceA) with { CertificateFile = null, KeyFile = null });

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("client certificate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Client_With_A_Certificate_From_Another_Ca_Cannot_Connect()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var stranger = await TestCertificates.CreateAsync(Path.Combine(broker.Directory, "other-ca"));
        await using var client = new MqttNetClient(AgencyBroker.Device(broker, pki, AgencyPki.DeviceA) with
        {
            CertificateFile = stranger.ClientCertificate,
            KeyFile = stranger.ClientKey,
        });

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Matches("(?i)tls|ssl|certificate", failure.Message);
    }

    [Theory]
    [InlineData("agency-receiver", "is the receiver's identity")]
    [InlineData("dev/a", "is not a valid id")]
    public async Task The_Certificate_Script_Refuses_A_Device_Id_That_Would_Break_The_Acl(string deviceId, string expected)
    {
        var output = Directory.CreateTempSubdirectory("edgeingest-pki-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync(AgencyPki.Script, ["--out", output, deviceId], TimeSpan.FromSeconds(30));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(output));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
