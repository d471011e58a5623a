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

    /// <summary>The entry a read of <paramref name="plate"/> hits in the current list, if any.</summary>
    public HotlistEntry? Match(ReadOnlySpan<char> plate) => Current.Hotlist.Match(plate);

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
