namespace EdgeIngest.Clips;

/// <summary>
/// Wall-clock starts for the segments of one ffmpeg run. Each segment ends when its file was last
/// written (measured); it starts where the previous one of the run ended, so the run's segments
/// tile time without gaps or overlaps. The run's first segment starts its listed duration before
/// its end, but never before ffmpeg was started (the list's first duration includes the skipped
/// opening GOP, so it can be a little long).
/// </summary>
internal sealed class SegmentTiming(DateTimeOffset runStartedAt)
{
    private DateTimeOffset? _previousEnd;

    public DateTimeOffset StartOfNext(DateTimeOffset endsAt, TimeSpan listedDuration)
    {
        var startsAt = _previousEnd ?? Max(endsAt - listedDuration, runStartedAt);
        if (startsAt > endsAt)
        {
            startsAt = endsAt - listedDuration;
        }

        _previousEnd = endsAt;
        return startsAt;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
