using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The console's own HTTPS certificate when the owner gave none: ECDSA P-256, self-signed, naming
/// localhost, the host name and the addresses it listens on. It is kept in the console folder
/// (the key 0600) and reused on every start, so the fingerprint the owner checked once stays
/// valid; it is made anew only when missing, unreadable, within <see cref="RenewBefore"/> of
/// expiry, or when it does not name the configured listen address.
/// </summary>
internal static class GeneratedCertificate
{
    public const string CertificateFile = "https.crt";
    public const string KeyFile = "https.key";
    public static readonly TimeSpan Validity = TimeSpan.FromDays(825);
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = Secret | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The kept certificate if still good, otherwise a new one written in its place; says which.</summary>
    public static (X509Certificate2 Certificate, string Outcome) LoadOrCreate(string folder, IPEndPoint listen, DateTimeOffset now)
    {
        var certFile = Path.Combine(folder, CertificateFile);
        var keyFile = Path.Combine(folder, KeyFile);
        var existed = File.Exists(certFile) && File.Exists(keyFile);
        if (existed && TryLoad(certFile, keyFile) is { } kept)
        {
            if (kept.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore && Names(kept, listen.Address))
            {
                return (kept, "kept from an earlier start");
            }

            kept.Dispose();
        }

        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=EdgeIngest console {Dns.GetHostName()}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(SubjectAlternativeNames(listen.Address));
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
        WriteReplacing(keyFile, key.ExportPkcs8PrivateKeyPem(), Secret);
        WriteReplacing(certFile, created.ExportCertificatePem(), Public);
        return (X509Certificate2.CreateFromPemFile(certFile, keyFile), existed ? "renewed" : "generated on first run");
    }

    /// <summary>SHA-256 of the certificate, as browsers show it: <c>AB:CD:…</c>.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(pair => new string(pair)));

    private static X509Certificate2? TryLoad(string certFile, string keyFile)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certFile, keyFile);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            return null;
        }
    }

    /// <summary>A certificate for a wildcard listen address names the addresses of its day; only a specific address must be named.</summary>
    private static bool Names(X509Certificate2 certificate, IPAddress listen) =>
        listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any)
        || certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Any(names => names.EnumerateIPAddresses().Contains(listen));

    private static X509Extension SubjectAlternativeNames(IPAddress listen)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        var host = Dns.GetHostName();
        if (host != "localhost" && Uri.CheckHostName(host) == UriHostNameType.Dns)
        {
            names.AddDnsName(host);
        }

        var addresses = new HashSet<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        if (listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any))
        {
            addresses.UnionWith(NetworkInterface.GetAllNetworkInterfaces()
                .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
                .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
                .Select(unicast => unicast.Address)
                .Where(address => address.AddressFamily == AddressFamily.InterNetwork || (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv6LinkLocal)));
        }
        else
        {
            addresses.Add(listen);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        return names.Build();
    }

    private static void WriteReplacing(string path, string content, UnixFileMode mode)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode };
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(content);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
