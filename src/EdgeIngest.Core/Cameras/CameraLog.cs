using Microsoft.Extensions.Logging;

namespace EdgeIngest.Cameras;

/// <summary>Camera log events with fixed ids (2001–2099). Every URL argument is the redacted one.</summary>
internal static partial class CameraLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Camera {CameraId} starting: {Url}, {Fps} fps for analysis")]
    public static partial void Starting(ILogger logger, string cameraId, string url, double fps);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Camera {CameraId} probing {Url}")]
    public static partial void Probing(ILogger logger, string cameraId, string url);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Camera {CameraId} stream is {Size}; {Buffers} frame buffers of {Bytes} bytes")]
    public static partial void Probed(ILogger logger, string cameraId, VideoSize size, int buffers, int bytes);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Camera {CameraId} ffmpeg started (pid {Pid})")]
    public static partial void FfmpegStarted(ILogger logger, string cameraId, int pid);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Camera {CameraId} streaming")]
    public static partial void Streaming(ILogger logger, string cameraId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Camera {CameraId} failed ({Cause}): {Reason}")]
    public static partial void Failed(ILogger logger, string cameraId, CameraFailureCause cause, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Camera {CameraId} restarting in {DelayMs} ms (restart {Restarts})")]
    public static partial void RestartScheduled(ILogger logger, string cameraId, long delayMs, long restarts);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Camera {CameraId} ffmpeg: {Line}")]
    public static partial void FfmpegOutput(ILogger logger, string cameraId, string line);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Camera {CameraId} dropping frames: the consumer holds all {Buffers} buffers")]
    public static partial void PoolExhausted(ILogger logger, string cameraId, int buffers);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Camera {CameraId} stopped")]
    public static partial void Stopped(ILogger logger, string cameraId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Camera {CameraId} supervisor error: {Reason}")]
    public static partial void Unexpected(ILogger logger, string cameraId, string reason);
}
