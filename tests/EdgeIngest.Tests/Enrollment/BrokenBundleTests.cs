using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EdgeIngest.Agreements;
using EdgeIngest.Enrollment;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Enrollment;

/// <summary>Each way a bundle can be broken is refused by <c>enroll apply</c> with its problem named, and the device's configuration folder stays exactly as it was.</summary>
public sealed class BrokenBundleTests(AgencyPki pki) : IDisposable
{
    private readonly EnrollmentWorkspace _workspace = new(pki);

    [Theory]
    [InlineData("garbage certificate", "device_certificate: not a PEM certificate")]
    [InlineData("key of another certificate", "device_key: does not match device_certificate")]
    [InlineData("signed by another CA", "device_certificate: not signed by the bundled agency_ca")]
    [InlineData("certificate of another device", "device_certificate: issued to CN=dev-a, not to device_id 'acme-01'")]
    [InlineData("expired certificate", "device_certificate: expired on")]
    [InlineData("expired agreement", "agreement: agr-test version 2 expired on 2021-01-01T00:00:00Z")]
    [InlineData("agreement signed by a stranger", "agreement: signed by key")]
    [InlineData("agreement changed after signing", "agreement: the signature does not match the content")]
    [InlineData("missing broker", "broker: missing — expected { host, port, topic_prefix }")]
    [InlineData("missing device key", "device_key: missing")]
    [InlineData("not a bundle", "not an enrollment bundle (not JSON")]
    public void A_Broken_Bundle_Is_Refused_Naming_Its_Problem_And_Nothing_Is_Written(string breakage, string expected)
    {
        _workspace.WriteExistingConfig();
        var before = _workspace.Snapshot();
        var now = DateTimeOffset.UtcNow;
        var good = EnrollmentCreator.Create(_workspace.Request("acme-01", agreementFile: _workspace.WriteAgreement(TestAgency.Agreement(2))), now);
        File.WriteAllBytes(_workspace.BundleFile, Break(good, breakage, now));

        // The expired certificate is one valid for a minute, applied ten minutes on.
        var applyAt = breakage == "expired certificate" ? now.AddMinutes(10) : now;
        var refused = Assert.Throws<EnrollmentException>(() => EnrollmentApplier.Apply(_workspace.BundleFile, _workspace.ConfigFile, applyAt));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Snapshot());
    }

    private byte[] Break(EnrollmentBundle good, string breakage, DateTimeOffset now)
    {
        var bytes = EnrollmentBundleJson.Write(BrokenBundle(good, breakage, now));
        return breakage switch
        {
            "missing broker" => Edit(bytes, json => json.Remove("broker")),
            "missing device key" => Edit(bytes, json => json.Remove("device_key")),
            "not a bundle" => "this is a photo of the gate, not a bundle"u8.ToArray(),
            _ => bytes,
        };
    }

    private EnrollmentBundle BrokenBundle(EnrollmentBundle good, string breakage, DateTimeOffset now)
    {
        switch (breakage)
        {
            case "garbage certificate":
                return good with { DeviceCertificatePem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" };
            case "key of another certificate":
                return good with { DeviceKeyPem = File.ReadAllText(pki.DeviceKey(AgencyPki.DeviceA)) };
            case "signed by another CA":
                return good with { AgencyCaPem = OtherCaPem() };
            case "certificate of another device":
                return good with { DeviceCertificatePem = File.ReadAllText(pki.DeviceCertificate(AgencyPki.DeviceA)), DeviceKeyPem = File.ReadAllText(pki.DeviceKey(AgencyPki.DeviceA)) };
            case "expired certificate":
                using (var issuer = DeviceCertificateIssuer.Load(pki.Directory))
                {
                    var expired = issuer.Issue("acme-01", now, TimeSpan.FromMinutes(1));
                    return good with { DeviceCertificatePem = expired.CertificatePem, DeviceKeyPem = expired.KeyPem };
                }

            case "expired agreement":
                var old = TestAgency.Agreement(2) with { ValidFrom = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), ValidUntil = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero) };
                return good with { SignedAgreement = TestAgency.SignAgreement(old) };
            case "agreement signed by a stranger":
                return good with { SignedAgreement = TestAgency.SignAgreement(TestAgency.Agreement(2), TestAgency.Stranger) };
            case "agreement changed after signing":
                var signed = Signing.SignedDocument.Parse(good.SignedAgreement, "x");
                var widened = Encoding.UTF8.GetString(signed.Payload).Replace("\"hits_only\"", "\"all_reads\"", StringComparison.Ordinal);
                return good with { SignedAgreement = (signed with { Payload = Encoding.UTF8.GetBytes(widened) }).ToJson() };
            default:
                return good;
        }
    }

    private static byte[] Edit(byte[] bundle, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(bundle)!.AsObject();
        edit(json);
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static string OtherCaPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Another Agency CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return ca.ExportCertificatePem();
    }

    public void Dispose() => _workspace.Dispose();
}
