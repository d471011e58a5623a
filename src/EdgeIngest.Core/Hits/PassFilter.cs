namespace EdgeIngest.Hits;

/// <summary>
/// One report per vehicle pass: a camera sees a plate in many consecutive frames, and the same
/// plate (by look-alike-folded key) on the same camera within the window counts as one pass.
/// Each sighting extends the window, so a car parked in view is not reported again and again.
/// </summary>
public sealed class PassFilter(TimeSpan window)
{
    private readonly Dictionary<(string Camera, string Key), DateTimeOffset> _lastSeen = [];

    /// <summary>True when this sighting starts a new pass (report it); false for a repeat.</summary>
    public bool IsNewPass(string cameraId, string plateKey, DateTimeOffset seenAt)
    {
        var id = (cameraId, plateKey);
        var isNew = !_lastSeen.TryGetValue(id, out var last) || seenAt - last > window;
        _lastSeen[id] = seenAt;
        if (_lastSeen.Count > 4096)
        {
            Expire(seenAt);
        }

        return isNew;
    }

    /// <summary>Forgets passes that ended more than a window ago, bounding memory.</summary>
    public void Expire(DateTimeOffset now)
    {
        foreach (var (id, last) in _lastSeen)
        {
            if (now - last > window)
            {
                _lastSeen.Remove(id);
            }
        }
    }
}
