using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EdgeIngest.Clips;

/// <summary>
/// One line of ffmpeg's CSV segment list, <c>name,start,end</c>, written as each segment is
/// closed. Start and end are stream seconds: their difference is the segment's duration.
/// </summary>
internal readonly record struct SegmentListLine(string FileName, double StartSeconds, double EndSeconds)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Math.Max(0, EndSeconds - StartSeconds));

    public static bool TryParse(string line, [NotNullWhen(true)] out SegmentListLine? parsed)
    {
        parsed = null;
        // The name is ours (no commas or quotes), so the last two commas split the fields.
        var span = line.AsSpan().Trim();
        var lastComma = span.LastIndexOf(',');
        if (lastComma <= 0)
        {
            return false;
        }

        var middleComma = span[..lastComma].LastIndexOf(',');
        if (middleComma <= 0
            || !double.TryParse(span[(middleComma + 1)..lastComma], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
            || !double.TryParse(span[(lastComma + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var end))
        {
            return false;
        }

        parsed = new SegmentListLine(span[..middleComma].ToString(), start, end);
        return true;
    }
}
