using EdgeIngest.Publishing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Delivery;

/// <summary>
/// The device's log names why it cannot connect, once per cause: a refused port, a TLS failure (the
/// deployed broker, mutual TLS, without a client certificate), or a broker that refuses the
/// credentials (not authorised).
/// </summary>
public sealed class ConnectCauseTests(AgencyPki pki)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_Port_Nobody_Listens_On_Is_Logged_As_Connection_Refused()
    {
        var options = new MqttOptions { Host = "127.0.0.1", Port = MosquittoBroker.FreeLoopbackPort(), ClientId = "test-device" };

        var cause = await FirstCauseAsync(options);

        Assert.Contains("connection refused", cause, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer", cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Deployed_Broker_Without_A_Client_Certificate_Is_Logged_As_A_Tls_Failure()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var options = AgencyDevice.Options(broker, pki);
        options.ClientCertificateFile = null;
        options.ClientKeyFile = null;

        var cause = await FirstCauseAsync(options);

        Assert.Contains("TLS", cause, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Wrong_Password_Is_Logged_As_Not_Authorised()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Users = new Dictionary<string, string> { ["device"] = "right" } });
        var options = broker.ClientOptions("test-device");
        options.Username = "device";
        options.Password = "wrong";

        var cause = await FirstCauseAsync(options);

        Assert.Matches("(?i)not authori[sz]ed|bad user name or password", cause);
    }

    private static async Task<string> FirstCauseAsync(MqttOptions options)
    {
        using var folder = new OutboxFolder();
        await using var connection = new AgencyConnection(options, OutboxFolder.Topics, folder.Logs.CreateLogger("EdgeIngest.Events"));
        connection.Start();
        await Eventually.HoldsAsync(() => folder.Logs.Lines.Any(l => l.EventId == 301), Patience, () => "no connect failure was logged");
        var cause = folder.Logs.Lines.First(l => l.EventId == 301).Message;
        TestContext.Current.TestOutputHelper?.WriteLine(cause);
        return cause;
    }
}
