namespace EdgeIngest.Receiving;

/// <summary>
/// What the receiver subscribes to: everything every device sends to the agency (docs/events.md),
/// and not <c>commands</c>, which go the other way. <c>status</c> comes last: a device's retained
/// status, which arrives as soon as it is subscribed, is what makes the receiver ask that device
/// to send again what it has not had confirmed (after the broker lost the receiver's session), and
/// what it sends again must find every other subscription already in place.
/// </summary>
public static class ReceiverSubscriptions
{
    public static IReadOnlyList<string> For(string prefix) =>
    [
        $"{prefix}/+/hits",
        $"{prefix}/+/corrections",
        $"{prefix}/+/reads",
        $"{prefix}/+/registration",
        $"{prefix}/+/heartbeat",
        $"{prefix}/+/drops",
        $"{prefix}/+/command-results",
        $"{prefix}/+/clips/#",
        $"{prefix}/+/footage-status",
        $"{prefix}/+/footage/#",
        $"{prefix}/+/status",
    ];
}
