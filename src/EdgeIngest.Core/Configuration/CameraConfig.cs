namespace EdgeIngest.Configuration;

/// <summary>One RTSP camera the appliance reads.</summary>
public sealed class CameraConfig
{
    public string Id { get; set; } = "";

    /// <summary>rtsp:// or rtsps:// URL; may carry user:password, which never appears in logs.</summary>
    public string Url { get; set; } = "";

    /// <summary>Frames per second handed to recognition; ffmpeg drops the rest before they reach us.</summary>
    public double AnalysisFps { get; set; } = 10;

    /// <summary>No frame for this long restarts the camera's ffmpeg.</summary>
    public double StallTimeoutSeconds { get; set; } = 10;
}
