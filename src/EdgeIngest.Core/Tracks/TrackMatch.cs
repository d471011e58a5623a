using EdgeIngest.Reads;

namespace EdgeIngest.Tracks;

/// <summary>
/// Whether a read is the vehicle a track follows, and how well it fits. Both must hold: the
/// plate is near where the track last saw it (the car moves between frames, so the allowance is
/// in box widths, not pixels) and its text is within a few edits of the track's vote (a misread
/// of the same plate, not another car). Lower cost is a better fit: one character of difference
/// counts as much as one box width of movement. A stopped vehicle's track takes any read of a
/// plate standing where its plate stands, whatever the text (<see cref="StandingPlate"/>).
/// </summary>
internal static class TrackMatch
{
    public const float None = float.PositiveInfinity;

    public static float Cost(PlateTrack track, in PlateRead read, TrackerOptions options)
    {
        // A stopped vehicle is one track whatever its reads say: a small, far plate reads a little
        // differently each time, and a car passing in front leaves only part of it in view.
        if (track.StillFor >= options.StoppedAfter && StandingPlate.Stands(read.Box, track.StillBox))
        {
            return Shift(track.StillBox, read.Box);
        }

        var shift = Shift(track.LastBox, read.Box);
        if (shift > options.MaxCentreShift)
        {
            return None;
        }

        var distance = PlateTextDistance.Between(read.Text, track.Vote, foldLookAlikes: true);
        return distance > options.MaxTextDistance ? None : distance + shift;
    }

    /// <summary>How far apart the centres of two boxes are, in widths of the wider box.</summary>
    public static float Shift(PlateBox a, PlateBox b) => CentreDistance(a, b) / Math.Max(1, Math.Max(a.Width, b.Width));

    private static float CentreDistance(PlateBox a, PlateBox b)
    {
        // Twice the centres, to stay in integers until the end.
        var dx = (a.X * 2) + a.Width - (b.X * 2) - b.Width;
        var dy = (a.Y * 2) + a.Height - (b.Y * 2) - b.Height;
        return MathF.Sqrt(((float)dx * dx) + ((float)dy * dy)) / 2;
    }
}
