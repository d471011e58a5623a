using EdgeIngest.Frames;
using EdgeIngest.Reads;
using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// One camera's frames, made up for tracker tests. Every byte of a frame is its marker (1 for
/// the first frame, 2 for the next, …), so a report's pixels say which frame they came from, and
/// one buffer serves every frame and is overwritten once observed, as the frame pool reuses it.
/// Times are seconds after <see cref="T0"/>.
/// </summary>
internal sealed class TrackScene(TrackerOptions? options = null)
{
    public const int Width = 32;
    public const int Height = 18;
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private readonly byte[] _pixels = new byte[Width * Height * BgrImage.BytesPerPixel];
    private byte _marker;

    public PlateTracker Tracker { get; } = new("gate", options ?? new TrackerOptions());

    public RecordingSink Sink { get; } = new();

    public List<RecordingSink.Reported> Reports => Sink.Reports;

    /// <summary>Shows the tracker a frame captured at <paramref name="seconds"/> with these reads; returns the frame's marker.</summary>
    public byte Frame(double seconds, params PlateRead[] reads)
    {
        _pixels.AsSpan().Fill(++_marker);
        Tracker.Observe(new BgrImage(_pixels, Width, Height), At(seconds), reads, Sink);
        _pixels.AsSpan().Fill(0);
        return _marker;
    }

    /// <summary>
    /// As <see cref="Frame"/>, with the recogniser having found (and not read) a plate at each
    /// parked box of <see cref="PlateTracker.NotToRead"/> whose flag in <paramref name="seenUnread"/> is set.
    /// </summary>
    public byte FrameSeeing(double seconds, bool[] seenUnread, params PlateRead[] reads)
    {
        _pixels.AsSpan().Fill(++_marker);
        Tracker.Advance(At(seconds), Sink);
        Tracker.Observe(new BgrImage(_pixels, Width, Height), At(seconds), reads, Sink, seenUnread);
        _pixels.AsSpan().Fill(0);
        return _marker;
    }

    /// <summary>A frame in which the motion gate saw nothing move: not read.</summary>
    public void Still(double seconds) => Tracker.Still(At(seconds), Sink);

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>A plate read in a 200×50 box at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static PlateRead Read(string text, float confidence, int x, int y = 400) => new(text, confidence, new PlateBox(x, y, 200, 50));
}
