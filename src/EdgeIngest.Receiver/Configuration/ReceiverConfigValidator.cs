using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using EdgeIngest.Configuration;

namespace EdgeIngest.Receiving.Configuration;

/// <summary>
/// Lists every problem of a receiver configuration as <c>field: 'value' — what was expected</c>.
/// Certificates are opened here, so an unreadable, expired or mismatched certificate is reported
/// at start by field rather than as a TLS failure from the broker later. Passwords are never echoed.
/// </summary>
public static partial class ReceiverConfigValidator
{
    public static IReadOnlyList<string> Validate(ReceiverConfig config)
    {
        var problems = new List<string>();
        ValidateBroker(config.Broker, problems);
        if (!TopicSegmentPattern().IsMatch(config.TopicPrefix ?? ""))
        {
            problems.Add($"topic_prefix: '{config.TopicPrefix}' — expected one topic segment of letters, digits, '-', '_' or '.' (no '/', '+' or '#'), the devices' broker.topic_prefix");
        }

        ValidateOutputDirectory(config.OutputDirectory, problems);
        return problems;
    }

    private static void ValidateBroker(ReceiverBrokerConfig broker, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(broker.Host) || Uri.CheckHostName(broker.Host) == UriHostNameType.Unknown)
        {
            problems.Add($"broker.host: '{broker.Host}' — expected the agency broker's host name or IP address");
        }

        if (broker.Port is < 1 or > 65535)
        {
            problems.Add($"broker.port: '{broker.Port}' — expected a TCP port from 1 to 65535");
        }

        if (broker.KeepAliveSeconds is < 5 or > 3600)
        {
            problems.Add($"broker.keep_alive_seconds: '{broker.KeepAliveSeconds}' — expected seconds from 5 to 3600");
        }

        if (!IdPattern().IsMatch(broker.ClientId ?? ""))
        {
            problems.Add($"broker.client_id: '{broker.ClientId}' — expected 1–64 letters, digits, '-' or '_' (fixed, so the broker keeps the receiver's session)");
        }

        if (broker.Password is not null && string.IsNullOrEmpty(broker.Username))
        {
            problems.Add("broker.password: set without broker.username — expected both or neither");
        }

        if (broker.Tls is { } tls)
        {
            ValidateTls(tls, problems);
        }
    }

    private static void ValidateTls(TlsConfig tls, List<string> problems)
    {
        if (CheckFile(problems, "broker.tls.ca_file", tls.CaFile, "the agency CA certificate (PEM)"))
        {
            CheckCertificate(problems, "broker.tls.ca_file", tls.CaFile, keyFile: null);
        }

        if ((tls.CertFile is null) != (tls.KeyFile is null))
        {
            problems.Add("broker.tls: cert_file and key_file — expected both (the receiver's client certificate and key) or neither");
        }
        else if (tls.CertFile is not null
            && CheckFile(problems, "broker.tls.cert_file", tls.CertFile, "the receiver's certificate (PEM)")
            && CheckFile(problems, "broker.tls.key_file", tls.KeyFile!, "the receiver's private key (PEM)"))
        {
            CheckCertificate(problems, "broker.tls.cert_file", tls.CertFile, tls.KeyFile);
        }
    }

    private static void CheckCertificate(List<string> problems, string field, string certificateFile, string? keyFile)
    {
        try
        {
            // Without a key file, CreateFromPemFile looks for the key in the certificate file itself.
            using var certificate = keyFile is null
                ? X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile))
                : X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            var now = DateTime.UtcNow;
            if (certificate.NotAfter.ToUniversalTime() < now || certificate.NotBefore.ToUniversalTime() > now)
            {
                problems.Add($"{field}: '{certificateFile}' — the certificate ({certificate.Subject}) is valid only from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            var what = keyFile is null ? "a PEM certificate" : $"a PEM certificate whose private key is '{keyFile}'";
            problems.Add($"{field}: '{certificateFile}' — expected {what} ({e.Message.TrimEnd('.')})");
        }
    }

    private static void ValidateOutputDirectory(string directory, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            problems.Add("output_directory: missing — expected the folder where hits, clips and device status are written");
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"output_directory: '{directory}' — cannot be created ({e.Message.TrimEnd('.')})");
        }
    }

    private static bool CheckFile(List<string> problems, string field, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{field}: missing — expected the path of {what}");
            return false;
        }

        if (!File.Exists(path))
        {
            problems.Add($"{field}: '{path}' — the file does not exist; expected {what}");
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex TopicSegmentPattern();
}
