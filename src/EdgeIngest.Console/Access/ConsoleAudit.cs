using EdgeIngest.Audit;
using EdgeIngest.Enrollment;
using EdgeIngest.Hotlists;
using Microsoft.AspNetCore.Http;

namespace EdgeIngest.WebConsole.Access;

/// <summary>Appends the console's access events to the box's audit, each with the address it came from.</summary>
internal sealed class ConsoleAudit(IAuditTrail audit)
{
    public void Login(HttpContext context) => audit.Append(AuditKinds.ConsoleLogin, [From(context)]);

    public void LoginFailed(HttpContext context, int failures) =>
        audit.Append(AuditKinds.ConsoleLoginFailed, [From(context), new(AuditFields.Failures, failures.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    public void Lockout(HttpContext context, DateTimeOffset until) =>
        audit.Append(AuditKinds.ConsoleLockout, [From(context), new(AuditFields.LockedUntil, until.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))]);

    public void PasswordSet(HttpContext context, bool firstRun) =>
        audit.Append(AuditKinds.ConsolePasswordSet, [From(context), new(AuditFields.How, firstRun ? "first_run" : "changed")]);

    /// <summary>What the bundle configured, never its key.</summary>
    public void EnrollmentApplied(HttpContext context, CheckedEnrollment enrollment) =>
        audit.Append(AuditKinds.ConsoleEnrollmentApplied,
        [
            From(context),
            new(AuditFields.DeviceId, enrollment.Bundle.DeviceId),
            new(AuditFields.Broker, $"{enrollment.Bundle.BrokerHost}:{enrollment.Bundle.BrokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}"),
            new(AuditFields.CertificateExpires, IsoTimestamps.Format(enrollment.CertificateExpires)),
            new(AuditFields.AgreementVersion, enrollment.Agreement?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"),
        ]);

    private static KeyValuePair<string, string> From(HttpContext context) =>
        new(AuditFields.RemoteAddress, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
