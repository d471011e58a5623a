namespace EdgeIngest.Enrollment;

/// <summary>
/// Everything a device needs to join the agency, in one file the technician carries
/// (<c>edgeingest.enrollment/1</c>, docs/enrollment.md): who it is, where the broker is, whom to
/// trust (the agency CA and the agency's signing key), its own TLS identity, the agreement it
/// works under, and the property's registration. <see cref="EnrollmentBundleJson"/> reads and
/// writes it; <see cref="EnrollmentValidator"/> judges it.
/// </summary>
public sealed record EnrollmentBundle(
    string DeviceId,
    string BrokerHost,
    int BrokerPort,
    string TopicPrefix,
    string AgencyCaPem,
    string DeviceCertificatePem,
    string DeviceKeyPem,
    string AgencyPublicKeyPem,
    byte[]? SignedAgreement,
    PropertyRegistration Registration,
    DateTimeOffset CreatedAt)
{
    public const string SchemaV1 = "edgeingest.enrollment/1";

    public const string DefaultTopicPrefix = "edgeingest";
}
