namespace EdgeIngest.Commands;

/// <summary>Bounds on what the agency may send, so a bad or hostile message cannot exhaust the box.</summary>
public static class CommandLimits
{
    /// <summary>1 MiB: a large hotlist (tens of thousands of plates) fits; anything bigger is refused unread.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    /// <summary>Long enough for any UUID or dated id, short enough to log and echo back safely.</summary>
    public const int MaxCommandIdLength = 128;

    /// <summary>How many recent command ids are remembered to answer a redelivery without acting twice.</summary>
    public const int RememberedCommands = 1024;
}
