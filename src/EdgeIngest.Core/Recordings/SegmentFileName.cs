using System.Globalization;

namespace EdgeIngest.Recordings;

/// <summary>
/// A recorded segment's file name carries its wall-clock span, <c>{startUnixMs}-{endUnixMs}.ts</c>,
/// so the index is rebuilt from the folder alone after a restart. A copy in progress is
/// <c>….ts.part</c> until it is complete and renamed: a kill never leaves a half file under a
/// name that looks whole.
/// </summary>
internal static class SegmentFileName
{
    public const string Extension = ".ts";
    public const string PartialExtension = ".part";

    public static string Format(long startUnixMs, long endUnixMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{startUnixMs}-{endUnixMs}{Extension}");

    /// <summary>False for any other name (a stray file is left alone, never read as a segment).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out long startUnixMs, out long endUnixMs)
    {
        startUnixMs = endUnixMs = 0;
        if (!name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var stem = name[..^Extension.Length];
        var dash = stem.IndexOf('-');
        return dash > 0
            && long.TryParse(stem[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out startUnixMs)
            && long.TryParse(stem[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out endUnixMs)
            && endUnixMs > startUnixMs;
    }
}
