namespace EdgeIngest.Hotlists;

/// <summary>
/// The hotlist in use, swapped as one reference: the recognition thread reads <see cref="Current"/>
/// (one volatile read, no lock) and always sees a complete list with its own version, never half
/// of an update. Only a strictly newer version can replace the current one, so a late or repeated
/// command can never roll the list back.
/// </summary>
public sealed class HotlistHolder(VersionedHotlist initial)
{
    private VersionedHotlist _current = initial;

    public VersionedHotlist Current => Volatile.Read(ref _current);

    /// <summary>The best match for a read of <paramref name="plate"/> in the current list at <paramref name="now"/>, if any.</summary>
    public HotlistMatch? Match(string plate, DateTimeOffset now) => Current.Hotlist.Match(plate, now);

    /// <summary>The best match over a read's text and its alternative readings (<see cref="Hotlist.Match(ReadOnlySpan{string}, DateTimeOffset)"/>).</summary>
    public HotlistMatch? Match(ReadOnlySpan<string> readings, DateTimeOffset now) => Current.Hotlist.Match(readings, now);

    /// <summary>The best match among entries of <paramref name="categories"/> (<see cref="Hotlist.Match(ReadOnlySpan{string}, DateTimeOffset, IReadOnlySet{string})"/>).</summary>
    public HotlistMatch? Match(ReadOnlySpan<string> readings, DateTimeOffset now, IReadOnlySet<string>? categories) =>
        Current.Hotlist.Match(readings, now, categories);

    /// <summary>
    /// Installs <paramref name="next"/> if its version is higher than the current one; false (and
    /// nothing changed) otherwise. Safe against concurrent callers: the higher version wins.
    /// </summary>
    public bool TryReplace(VersionedHotlist next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var seen = Volatile.Read(ref _current);
        while (next.Version > seen.Version)
        {
            var found = Interlocked.CompareExchange(ref _current, next, seen);
            if (ReferenceEquals(found, seen))
            {
                return true;
            }

            seen = found;
        }

        return false;
    }
}
