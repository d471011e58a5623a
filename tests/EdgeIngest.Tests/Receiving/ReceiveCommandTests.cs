using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Receiving;

/// <summary>The real <c>edgeingest receive</c> refusing to start, with a message that says what to fix.</summary>
public sealed class ReceiveCommandTests(AgencyPki pki) : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly string _directory = Directory.CreateTempSubdirectory("edgeingest-receive-").FullName;

    [Fact]
    public async Task An_Invalid_Configuration_Exits_With_2_Naming_Each_Field()
    {
        var config = WriteConfig($"""
            broker:
              host: 127.0.0.1
              port: 70000
              client_id: "agency receiver"
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
            topic_prefix: edgeingest/#
            output_directory: out
            """);

        var (exitCode, errors) = await RunAsync(config);

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error", errors, StringComparison.Ordinal);
        Assert.Contains("broker.port: '70000'", errors, StringComparison.Ordinal);
        Assert.Contains("broker.client_id: 'agency receiver'", errors, StringComparison.Ordinal);
        Assert.Contains("broker.tls: cert_file and key_file", errors, StringComparison.Ordinal);
        Assert.Contains("topic_prefix: 'edgeingest/#'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Certificate_That_Does_Not_Match_Its_Key_Exits_With_2_Naming_The_Certificate()
    {
        var config = WriteConfig($"""
            broker:
              host: 127.0.0.1
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
                key_file: {pki.DeviceKey(AgencyPki.DeviceA)}
            output_directory: out
            """);

        var (exitCode, errors) = await RunAsync(config);

        Assert.Equal(2, exitCode);
        Assert.Contains($"broker.tls.cert_file: '{pki.ReceiverCertificate}'", errors, StringComparison.Ordinal);
        Assert.Contains($"whose private key is '{pki.DeviceKey(AgencyPki.DeviceA)}'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Field_Exits_With_2_Naming_The_Field_And_Its_Section()
    {
        var config = WriteConfig("""
            broker:
              host: 127.0.0.1
              hots: typo
            output_directory: out
            """);

        var (exitCode, errors) = await RunAsync(config);

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown field 'hots' in the broker section", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Receiver_Certificate_The_Broker_Does_Not_Trust_Exits_With_3_And_A_Tls_Message()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var stranger = await TestCertificates.CreateAsync(Path.Combine(_directory, "other-ca"));
        var config = WriteConfig($"""
            broker:
              host: {broker.Host}
              port: {broker.Port}
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {stranger.ClientCertificate}
                key_file: {stranger.ClientKey}
            output_directory: out
            """);

        var (exitCode, errors) = await RunAsync(config);

        Assert.Equal(3, exitCode);
        Assert.Contains("refused the receiver", errors, StringComparison.Ordinal);
        Assert.Matches("(?i)tls|certificate", errors);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_directory, "receiver.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static async Task<(int ExitCode, string Errors)> RunAsync(string config)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Cli, "receive", "--config", config], TimeSpan.FromSeconds(60));
        TestContext.Current.TestOutputHelper?.WriteLine(result.StandardError);
        return (result.ExitCode, result.StandardError);
    }
}
