using EdgeIngest.Hotlists;

namespace EdgeIngest.Hits;

/// <summary>
/// One report per vehicle pass: a camera sees a plate in many consecutive frames, and the same
/// plate (by look-alike-folded key) on the same camera within the window counts as one pass.
/// Each sighting extends the window, so a car parked in view is not reported again and again.
/// With tracking, the sightings are a track's report and its last read (<see cref="Extend"/>):
/// the backstop for a vehicle that stops, is lost and is picked up again as a new track.
/// The key is folded into a stack buffer and looked up by span, so a car in view for many frames
/// allocates only on its first sighting.
/// </summary>
public sealed class PassFilter(TimeSpan window)
{
    private const int MaxRemembered = 4096;
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _lastSeenByCamera = new(StringComparer.Ordinal);

    /// <summary>True when this sighting of <paramref name="plate"/> (as read) starts a new pass; false for a repeat.</summary>
    public bool IsNewPass(string cameraId, ReadOnlySpan<char> plate, DateTimeOffset seenAt)
    {
        if (!_lastSeenByCamera.TryGetValue(cameraId, out var lastSeen))
        {
            lastSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            _lastSeenByCamera[cameraId] = lastSeen;
        }

        Span<char> folded = stackalloc char[PlateKey.MaxLength];
        var key = folded[..PlateKey.Write(plate, folded)];
        var byKey = lastSeen.GetAlternateLookup<ReadOnlySpan<char>>();
        var known = byKey.TryGetValue(key, out var last);
        var isNew = !known || seenAt - last > window;
        if (!known || seenAt > last)
        {
            // A report can come after a later sighting was recorded: a pass never moves back.
            byKey[key] = seenAt;
        }
        if (lastSeen.Count > MaxRemembered)
        {
            Expire(seenAt);
        }

        return isNew;
    }

    /// <summary>
    /// Records a sighting without asking whether it starts a pass: a tracked vehicle was last seen
    /// at <paramref name="seenAt"/>, after its report, so its pass runs on from there.
    /// </summary>
    public void Extend(string cameraId, ReadOnlySpan<char> plate, DateTimeOffset seenAt) => IsNewPass(cameraId, plate, seenAt);

    /// <summary>Forgets passes that ended more than a window ago, bounding memory.</summary>
    public void Expire(DateTimeOffset now)
    {
        foreach (var lastSeen in _lastSeenByCamera.Values)
        {
            foreach (var (key, last) in lastSeen)
            {
                if (now - last > window)
                {
                    lastSeen.Remove(key);
                }
            }
        }
    }
}
