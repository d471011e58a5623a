namespace EdgeIngest.Configuration;

/// <summary>
/// The data-sharing agreement the device starts with (optional): a signed <c>edgeingest.agreement/1</c>
/// document. Without one, <c>sharing.policy</c> governs until the agency sends an agreement.
/// </summary>
public sealed class AgreementConfig
{
    public string? File { get; set; }
}
