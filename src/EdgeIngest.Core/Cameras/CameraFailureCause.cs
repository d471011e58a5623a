namespace EdgeIngest.Cameras;

/// <summary>Why a camera is not streaming, in words an installer can act on.</summary>
public enum CameraFailureCause
{
    /// <summary>Nothing answered at the address (refused, no route, timed out, unknown host).</summary>
    Unreachable,

    /// <summary>The camera rejected the user name or password (RTSP 401).</summary>
    Unauthorized,

    /// <summary>The camera answered but has no stream at that path (RTSP 404).</summary>
    StreamNotFound,

    /// <summary>ffmpeg was running but no frame arrived within the stall timeout.</summary>
    Stalled,

    /// <summary>ffprobe did not report the stream's resolution within its timeout.</summary>
    ProbeTimedOut,

    /// <summary>The stream is in a codec this ffmpeg cannot decode or record (change the camera's encoder setting).</summary>
    UnsupportedCodec,

    /// <summary>
    /// The camera ended the stream: ffmpeg read to its end and exited cleanly (exit code 0) with
    /// no error, as when the camera restarts, is switched off or drops the session.
    /// </summary>
    StreamEnded,

    /// <summary>Anything else; the message carries ffmpeg's last error line.</summary>
    Other,
}
