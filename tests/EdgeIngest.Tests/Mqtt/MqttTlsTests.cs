using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Mqtt;

public sealed class MqttTlsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Client_Certificate_Signed_By_The_Brokers_Ca_Connects_And_Publishes()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });
        var certificates = broker.Certificates!;
        await using var subscriber = await MqttSubscriber.ConnectAsync(WithClientCertificate(broker, "agency", certificates), "hits/#", 1, Cancellation);
        await using var publisher = await MqttMessagePublisher.ConnectAsync(WithClientCertificate(broker, "edge", certificates), Cancellation);

        await publisher.PublishAsync("hits/cam-1", "over mutual TLS"u8.ToArray(), 1, false, Cancellation);

        Assert.Equal("over mutual TLS"u8.ToArray(), (await subscriber.Messages.NextAsync()).Payload);
    }

    [Fact]
    public async Task A_Client_Certificate_From_Another_Ca_Is_Refused_With_A_Tls_Message()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });
        var stranger = await TestCertificates.CreateAsync(Path.Combine(broker.Directory, "other-ca"));

        var failure = await Assert.ThrowsAsync<MqttConnectException>(
            () => MqttMessagePublisher.ConnectAsync(WithClientCertificate(broker, "edge", stranger), Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Matches("(?i)tls|ssl|certificate", failure.Message);
        Assert.Equal(MqttConnectFailure.Tls, failure.Failure);
    }

    [Fact]
    public async Task A_Client_Without_A_Certificate_Is_Refused_By_A_Mutual_Tls_Broker_With_A_Clear_Message()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { MutualTls = true });

        var failure = await Assert.ThrowsAsync<MqttConnectException>(
            () => MqttMessagePublisher.ConnectAsync(broker.ClientOptions("edge"), Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("client certificate", failure.Message, StringComparison.Ordinal);
        Assert.Equal(MqttConnectFailure.Tls, failure.Failure);
    }

    [Fact]
    public async Task A_Broker_Certificate_From_An_Untrusted_Ca_Fails_Verification_With_A_Clear_Message()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Tls = true });
        var stranger = await TestCertificates.CreateAsync(Path.Combine(broker.Directory, "other-ca"));
        var options = broker.ClientOptions("edge");
        options.CaFile = stranger.CaCertificate;

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => MqttMessagePublisher.ConnectAsync(options, Cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.Message);

        Assert.Contains($"{broker.Host}:{broker.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the broker's certificate is not trusted", failure.Message, StringComparison.Ordinal);
        Assert.Equal(MqttConnectFailure.Tls, failure.Failure);
    }

    [Fact]
    public async Task A_Missing_Ca_File_Is_Reported_Before_Connecting()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { Tls = true });
        var options = broker.ClientOptions("edge");
        options.CaFile = Path.Combine(broker.Directory, "no-such-ca.crt");

        var failure = await Assert.ThrowsAsync<MqttConnectException>(() => MqttMessagePublisher.ConnectAsync(options, Cancellation));

        Assert.Contains("no-such-ca.crt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", failure.Message, StringComparison.Ordinal);
    }

    private static MqttOptions WithClientCertificate(MosquittoBroker broker, string clientId, TestCertificates certificates)
    {
        var options = broker.ClientOptions(clientId);
        options.ClientCertificateFile = certificates.ClientCertificate;
        options.ClientKeyFile = certificates.ClientKey;
        return options;
    }
}
