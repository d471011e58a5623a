using EdgeIngest.Agreements;

namespace EdgeIngest.Enrollment;

/// <summary>A bundle that passed every check, with what the checks learnt (for the report of what was configured).</summary>
public sealed record CheckedEnrollment(
    EnrollmentBundle Bundle,
    DateTimeOffset CertificateExpires,
    string AgencyKeyId,
    SharingAgreement? Agreement);
