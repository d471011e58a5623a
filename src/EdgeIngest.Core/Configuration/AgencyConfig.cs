namespace EdgeIngest.Configuration;

/// <summary>
/// What the device was provisioned with to trust the agency: the public key every hotlist and
/// agreement must be signed with (<c>hotlist keygen</c> makes the pair; the private half stays at the agency).
/// </summary>
public sealed class AgencyConfig
{
    /// <summary>The agency's ECDSA P-256 public key (PEM); a relative path is resolved against the configuration file's folder.</summary>
    public string PublicKeyFile { get; set; } = "";
}
