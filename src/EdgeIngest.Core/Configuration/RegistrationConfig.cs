namespace EdgeIngest.Configuration;

/// <summary>
/// The property's registration with the agency (optional; <c>enroll apply</c> writes it): an
/// <c>edgeingest.registration/1</c> file the device publishes, retained, on every connect.
/// </summary>
public sealed class RegistrationConfig
{
    public string? File { get; set; }
}
