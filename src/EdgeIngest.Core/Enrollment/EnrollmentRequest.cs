namespace EdgeIngest.Enrollment;

/// <summary>
/// What the technician asks <c>enroll create</c> for. The registration comes from
/// <see cref="RegistrationFile"/> (YAML or JSON) and/or the options, the options winning field by field.
/// </summary>
public sealed record EnrollmentRequest
{
    public required string DeviceId { get; init; }

    /// <summary>The business's name (<c>--property</c>): the registration's <c>business_name</c>.</summary>
    public required string PropertyName { get; init; }

    /// <summary><c>HOST:PORT</c>; an IPv6 address in brackets (<c>[::1]:8883</c>).</summary>
    public required string Broker { get; init; }

    public string TopicPrefix { get; init; } = EnrollmentBundle.DefaultTopicPrefix;

    /// <summary>The folder make-certs.sh keeps the agency CA in (<c>ca.crt</c>, <c>ca.key</c>).</summary>
    public required string AgencyCaDirectory { get; init; }

    /// <summary>The agency's signing public key; default <c>agency-public-key.pem</c> in <see cref="AgencyCaDirectory"/>.</summary>
    public string? AgencyPublicKeyFile { get; init; }

    /// <summary>A signed agreement (<c>agreement sign</c>), optional.</summary>
    public string? AgreementFile { get; init; }

    public string? RegistrationFile { get; init; }

    public string? Address { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>Cameras as <c>NAME;LOCATION;VIEW DIRECTION</c>; given, they replace the file's list.</summary>
    public IReadOnlyList<string> Cameras { get; init; } = [];

    public TimeSpan CertificateValidity { get; init; } = DeviceCertificateIssuer.DefaultValidity;
}
