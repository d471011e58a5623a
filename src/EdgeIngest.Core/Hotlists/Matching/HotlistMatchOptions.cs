namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// How far a look-alike match may stray from the listed plate. The default, two substitutions
/// within the look-alike classes plus one missing or extra character, covers a read with two
/// confusable characters wrong (8/B and 0/O on one plate is common at night) or one dropped at the
/// plate's edge, while every other character must still agree exactly. Zero substitutions and
/// zero indels leaves exact matches and wildcards only.
/// </summary>
public sealed record HotlistMatchOptions
{
    public const int MostSubstitutions = 4;

    /// <summary>Characters the read may have swapped for a look-alike of the same class (0–4).</summary>
    public int MaxSubstitutions
    {
        get;
        init => field = value is >= 0 and <= MostSubstitutions
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxSubstitutions), value, $"look-alike substitutions must be 0 to {MostSubstitutions}");
    } = 2;

    /// <summary>Characters the read may have missed or added (0 or 1).</summary>
    public int MaxIndels
    {
        get;
        init => field = value is 0 or 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxIndels), value, "at most one missing or extra character");
    } = 1;

    public static HotlistMatchOptions Default { get; } = new();
}
