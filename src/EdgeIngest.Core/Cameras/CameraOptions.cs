using EdgeIngest.Motion;

namespace EdgeIngest.Cameras;

/// <summary>
/// One camera's settings, as bound from the configuration file. Durations are in seconds so the
/// YAML stays plain numbers.
/// </summary>
public sealed class CameraOptions
{
    /// <summary>A short id used in logs, events and file names, e.g. <c>gate-north</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>rtsp://[user:password@]host[:port]/path</c>; the password is never logged.</summary>
    public string Url { get; set; } = "";

    /// <summary>Frames per second handed to analysis (ffmpeg's fps filter thins the stream).</summary>
    public double AnalysisFps { get; set; } = 10;

    /// <summary>Where plates are read and motion is watched; null: the whole frame.</summary>
    public ZoneOptions? Zone { get; set; }

    /// <summary>The motion gate: still frames skip the plate reader.</summary>
    public MotionOptions Motion { get; set; } = new();

    /// <summary>No frame for this long kills and restarts ffmpeg.</summary>
    public double StallTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// How long ffprobe may take to report the stream's resolution. It waits for a keyframe, so
    /// a camera with a long GOP on a busy box needs well over 10 s; a slow probe only delays the
    /// first frame, while one cut short fails and is retried from the start.
    /// </summary>
    public double ProbeTimeoutSeconds { get; set; } = 20;

    /// <summary>Frames waiting for the consumer; beyond this the oldest is dropped.</summary>
    public int FrameQueueCapacity { get; set; } = 4;

    /// <summary>
    /// Buffers allocated at start-up: the queue, the one being filled, and what the consumer
    /// holds at once. When all are out, new frames are dropped, never allocated.
    /// </summary>
    public int FrameBufferCount { get; set; } = 10;

    /// <summary>The first restart waits this long; each further failure doubles it.</summary>
    public double RestartDelayInitialSeconds { get; set; } = 1;

    public double RestartDelayMaxSeconds { get; set; } = 30;

    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>A copy to change (the running camera's options are never changed in place).</summary>
    public CameraOptions Copy() => (CameraOptions)MemberwiseClone();
}
