namespace EdgeIngest.Configuration;

/// <summary>
/// The agency's hotlist to start with: a signed file (<c>hotlist sign</c>), verified with
/// <c>agency.public_key_file</c>; its version is the one inside. Newer lists arrive on the hotlist topic or the inbox folder.
/// </summary>
public sealed class HotlistConfig
{
    public string File { get; set; } = "";
}
