using System.Net;
using System.Security.Cryptography.X509Certificates;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>The console's own certificate: made once, kept (key 0600), made anew near expiry, for another address, or when unreadable.</summary>
public sealed class GeneratedCertificateTests : IDisposable
{
    private static readonly IPEndPoint Listen = IPEndPoint.Parse("127.0.0.1:8443");
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeingest-console-cert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void It_Is_Made_On_First_Run_With_A_Private_Key_And_Kept_On_The_Next()
    {
        var now = DateTimeOffset.UtcNow;
        var (first, made) = GeneratedCertificate.LoadOrCreate(_folder, Listen, now);
        var (second, kept) = GeneratedCertificate.LoadOrCreate(_folder, Listen, now.AddDays(1));
        using (first)
        using (second)
        {
            Assert.Equal("generated on first run", made);
            Assert.Equal("kept from an earlier start", kept);
            Assert.Equal(GeneratedCertificate.Fingerprint(first), GeneratedCertificate.Fingerprint(second));
            Assert.True(first.HasPrivateKey);
            using (var key = first.GetECDsaPrivateKey())
            {
                Assert.Equal(256, key!.KeySize);
            }

            var names = first.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
            Assert.Contains("localhost", names.EnumerateDnsNames());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, GeneratedCertificate.KeyFile)));
            }

            Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", GeneratedCertificate.Fingerprint(first));
        }
    }

    [Fact]
    public void It_Is_Renewed_Within_Thirty_Days_Of_Expiry()
    {
        var now = DateTimeOffset.UtcNow;
        var (first, _) = GeneratedCertificate.LoadOrCreate(_folder, Listen, now);
        var (renewed, outcome) = GeneratedCertificate.LoadOrCreate(_folder, Listen, now + GeneratedCertificate.Validity - TimeSpan.FromDays(29));
        using (first)
        using (renewed)
        {
            Assert.Equal("renewed", outcome);
            Assert.NotEqual(GeneratedCertificate.Fingerprint(first), GeneratedCertificate.Fingerprint(renewed));
            Assert.True(renewed.NotAfter.ToUniversalTime() > first.NotAfter.ToUniversalTime());
        }
    }

    [Fact]
    public void It_Is_Made_Anew_For_Another_Listen_Address_Or_When_Its_File_Is_Broken()
    {
        var now = DateTimeOffset.UtcNow;
        GeneratedCertificate.LoadOrCreate(_folder, Listen, now).Certificate.Dispose();

        var other = IPAddress.Parse("192.0.2.7");
        var (moved, outcome) = GeneratedCertificate.LoadOrCreate(_folder, new IPEndPoint(other, 8443), now);
        using (moved)
        {
            Assert.Equal("renewed", outcome);
            Assert.Contains(other, moved.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses());
        }

        File.WriteAllText(Path.Combine(_folder, GeneratedCertificate.CertificateFile), "not a certificate");
        var (repaired, again) = GeneratedCertificate.LoadOrCreate(_folder, Listen, now);
        using (repaired)
        {
            Assert.Equal("renewed", again);
            Assert.True(repaired.HasPrivateKey);
        }
    }
}
