namespace EdgeIngest.Hotlists;

/// <summary>How a read matched a hotlist entry; anything but <see cref="Exact"/> is marked "confirm before acting".</summary>
public enum MatchKind
{
    /// <summary>The same characters after normalisation (case, separators).</summary>
    Exact,

    /// <summary>Within the allowed OCR look-alike substitutions (0/O/D/Q, 1/I/L/T, 8/B, …) and at most one missing or extra character.</summary>
    LookAlike,

    /// <summary>An entry for a partial plate (<c>AB?123</c>, <c>*123</c>).</summary>
    Wildcard,
}
