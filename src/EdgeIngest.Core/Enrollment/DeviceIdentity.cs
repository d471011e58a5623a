namespace EdgeIngest.Enrollment;

/// <summary>A device's TLS client identity as PEM text: its certificate (CN = device id) and private key.</summary>
public sealed record DeviceIdentity(string CertificatePem, string KeyPem);
