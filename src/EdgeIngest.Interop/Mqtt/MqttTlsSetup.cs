using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// TLS for one connection attempt: the client certificate and its key from PEM files, and the
/// broker's certificate checked against the configured CA (or the system's CAs without one).
/// Remembers why it rejected the broker's certificate, so the connect failure can say so instead
/// of a bare "authentication failed".
/// </summary>
internal sealed class MqttTlsSetup : IDisposable
{
    private readonly X509Certificate2? _authority;
    private readonly X509Certificate2? _clientCertificate;

    public MqttTlsSetup(MqttConnectionSettings settings)
    {
        try
        {
            _authority = settings.CaFile is null ? null : X509CertificateLoader.LoadCertificateFromFile(settings.CaFile);
            _clientCertificate = settings.CertificateFile is null ? null : X509Certificate2.CreateFromPemFile(settings.CertificateFile, settings.KeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            Dispose();
            throw new MqttConnectException(
                $"TLS settings for MQTT broker {settings.Broker} were rejected: one of the files cannot be read " +
                $"(CA '{settings.CaFile ?? "system CAs"}', certificate '{settings.CertificateFile}', key '{settings.KeyFile}'): {e.Message}", e)
            {
                Failure = MqttConnectFailure.Configuration,
            };
        }
    }

    /// <summary>Why the broker's certificate was rejected; null when it was accepted or not yet seen.</summary>
    public string? RejectedBrokerCertificate { get; private set; }

    public void Configure(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls().WithCertificateValidationHandler(Validate);
        if (_clientCertificate is not null)
        {
            tls.WithClientCertificates([_clientCertificate]);
        }
    }

    public void Dispose()
    {
        _authority?.Dispose();
        _clientCertificate?.Dispose();
    }

    private bool Validate(MqttClientCertificateValidationEventArgs e)
    {
        var errors = e.SslPolicyErrors;
        if (_authority is not null && errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            // The system store does not know the agency's CA: build the chain again with it as the only root.
            errors &= ~SslPolicyErrors.RemoteCertificateChainErrors;
            var chainProblem = ChainProblem(e.Certificate);
            if (chainProblem is not null)
            {
                RejectedBrokerCertificate = $"the broker's certificate is not trusted by the CA in the CA file ({chainProblem})";
                return false;
            }
        }

        if (errors != SslPolicyErrors.None)
        {
            RejectedBrokerCertificate = $"the broker's certificate is not acceptable ({errors})";
            return false;
        }

        return true;
    }

    private string? ChainProblem(X509Certificate brokerCertificate)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(brokerCertificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
            ? null
            : string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
    }
}
