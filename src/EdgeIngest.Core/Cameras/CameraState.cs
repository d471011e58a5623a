namespace EdgeIngest.Cameras;

public enum CameraState
{
    /// <summary>Created, not started.</summary>
    Stopped,

    /// <summary>Probing the stream or waiting for ffmpeg's first frame.</summary>
    Connecting,

    /// <summary>Frames are arriving.</summary>
    Streaming,

    /// <summary>The last attempt failed (see the failure); a restart is scheduled.</summary>
    Failed,
}
