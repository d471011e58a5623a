using System.Net;
using System.Net.Sockets;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Mqtt;

public sealed class MqttConnectionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connecting_Where_Nothing_Listens_Fails_With_A_Message_Naming_Host_And_Port()
    {
        var port = MosquittoBroker.FreeLoopbackPort();
        var options = new MqttOptions { Host = "127.0.0.1", Port = port, ClientId = "edge", ConnectTimeoutSeconds = 5 };

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => MqttMessagePublisher.ConnectAsync(options, Cancellation));

        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(MqttConnectFailure.Unreachable, failure.Failure);
    }

    [Fact]
    public async Task A_Broker_That_Never_Answers_Fails_After_The_Connect_Timeout_With_A_Clear_Message()
    {
        // The kernel completes the TCP handshake into the backlog, but nobody ever sends CONNACK.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = new MqttOptions { Host = "127.0.0.1", Port = port, ClientId = "edge", ConnectTimeoutSeconds = 1 };

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => MqttMessagePublisher.ConnectAsync(options, Cancellation));

        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no answer within 1 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(MqttConnectFailure.TimedOut, failure.Failure);
    }

    [Fact]
    public async Task Connecting_To_An_Unknown_Host_Fails_With_A_Message_Naming_The_Host()
    {
        var options = new MqttOptions { Host = "no-such-broker.invalid", Port = 1883, ClientId = "edge", ConnectTimeoutSeconds = 5 };

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => MqttMessagePublisher.ConnectAsync(options, Cancellation));

        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains("no-such-broker.invalid:1883", failure.Message, StringComparison.Ordinal);
        Assert.Contains("host name not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Wrong_Password_Is_Refused_With_A_Bad_Credentials_Message_That_Hides_The_Password()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Users = new Dictionary<string, string> { ["edge"] = "right-secret" } });
        var options = broker.ClientOptions("edge");
        options.Username = "edge";
        options.Password = "wrong-secret";

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => MqttMessagePublisher.ConnectAsync(options, Cancellation));

        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused the connection for user 'edge'", failure.Message, StringComparison.Ordinal);
        Assert.Matches("(?i)not authori[sz]ed|bad user name or password", failure.Message);
        Assert.NotNull(failure.ReasonCode);
        Assert.Equal(MqttConnectFailure.NotAuthorized, failure.Failure);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Right_Password_Connects_And_Publishes()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Users = new Dictionary<string, string> { ["edge"] = "right-secret" } });
        var options = broker.ClientOptions("edge");
        options.Username = "edge";
        options.Password = "right-secret";

        await using var publisher = await MqttMessagePublisher.ConnectAsync(options, Cancellation);
        await publisher.PublishAsync("hits/cam-1", "hello"u8.ToArray(), 1, false, Cancellation);

        Assert.True(publisher.Client.IsConnected);
    }

    [Fact]
    public async Task A_Client_Reports_The_Broker_Going_Away_Refuses_To_Publish_Then_And_A_New_Client_Connects_After_The_Restart()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var settings = broker.ClientOptions("edge").ToConnectionSettings();
        await using var client = new MqttNetClient(settings);
        var disconnected = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, e) => disconnected.TrySetResult(e);
        await client.ConnectAsync(Cancellation);

        await broker.RestartAsync();
        var lost = await disconnected.Task.WaitAsync(ReceivedMessages.Patience, Cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine($"disconnect reason: {lost.Reason}");
        var refused = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync("hits/cam-1", "while away"u8.ToArray(), 1, false, Cancellation));
        await using var again = new MqttNetClient(settings);
        await again.ConnectAsync(Cancellation);
        await again.PublishAsync("hits/cam-1", "after restart"u8.ToArray(), 1, false, Cancellation);

        Assert.False(lost.WasRequested);
        Assert.False(client.IsConnected);
        Assert.Contains("not connected", refused.Message, StringComparison.Ordinal);
        Assert.True(again.IsConnected);
    }
}
