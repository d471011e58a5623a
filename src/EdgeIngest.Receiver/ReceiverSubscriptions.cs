namespace EdgeIngest.Receiving;

/// <summary>
/// What the receiver subscribes to: everything every device sends to the agency (docs/events.md),
/// and not <c>commands</c>, which go the other way.
/// </summary>
public static class ReceiverSubscriptions
{
    public static IReadOnlyList<string> For(string prefix) =>
    [
        $"{prefix}/+/hits",
        $"{prefix}/+/corrections",
        $"{prefix}/+/reads",
        $"{prefix}/+/status",
        $"{prefix}/+/registration",
        $"{prefix}/+/heartbeat",
        $"{prefix}/+/drops",
        $"{prefix}/+/command-results",
        $"{prefix}/+/clips/#",
        $"{prefix}/+/footage-status",
        $"{prefix}/+/footage/#",
    ];
}
