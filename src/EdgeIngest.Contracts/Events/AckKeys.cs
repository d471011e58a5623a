namespace EdgeIngest.Events;

/// <summary>
/// The one key by which the receiver confirms a device message and the device finds it in its
/// outbox (docs/events.md, "End-to-end acknowledgement"). Events (hits, reads, drops, command
/// results) are keyed by their topic relative to <c>{prefix}/{device}/</c> and their id, e.g.
/// <c>hits/0193…</c> or <c>command-results/cmd-42</c>; clip parts by their relative topic alone,
/// which already names the clip and the part, e.g. <c>clips/0193…/chunks/3</c>; approved footage
/// the same way, e.g. <c>footage/fr-1/gate/0/chunks/3</c> (clip lane too, docs/footage.md). Event
/// topics are one level deep (<c>footage-status/…</c> among them) and clip-lane topics start with
/// <c>clips/</c> or <c>footage/</c>, so the two forms cannot be confused.
/// </summary>
public static class AckKeys
{
    private const string ClipsPrefix = "clips/";

    private const string FootagePrefix = "footage/";

    /// <summary>The key of an event-lane message: relative topic (one level) and event id.</summary>
    public static string ForEvent(string relativeTopic, string eventId) => $"{relativeTopic}/{eventId}";

    /// <summary>The key of a clip-lane message (clip or footage manifest or chunk): its relative topic.</summary>
    public static string ForClipPart(string relativeTopic) => relativeTopic;

    /// <summary>
    /// Splits a key: a clip-lane message (clip or footage) gives its relative topic and a null id; an event gives its
    /// relative topic and id. False for anything else (ignored by the device).
    /// </summary>
    public static bool TryParse(string key, out string relativeTopic, out string? eventId)
    {
        relativeTopic = "";
        eventId = null;
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        foreach (var prefix in (ReadOnlySpan<string>)[ClipsPrefix, FootagePrefix])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                relativeTopic = key;
                return key.Length > prefix.Length;
            }
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            return false;
        }

        relativeTopic = key[..slash];
        eventId = key[(slash + 1)..];
        return true;
    }
}
