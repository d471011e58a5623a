namespace EdgeIngest.Cameras;

/// <summary>Checks a camera's settings up front, with messages that name the camera and the setting as written in the configuration file.</summary>
public static class CameraOptionsValidator
{
    public static void Validate(CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Id))
        {
            throw new CameraConfigurationException("camera without an id: every camera needs a short id such as 'gate-north'");
        }

        Require(options, options.AnalysisFps is > 0 and <= 60, "analysis_fps must be in (0, 60]");
        Require(options, options.StallTimeoutSeconds > 0, "stall_timeout_seconds must be positive");
        Require(options, options.ProbeTimeoutSeconds > 0, "probe_timeout_seconds must be positive");
        Require(options, options.FrameQueueCapacity >= 1, "frame_queue_capacity must be at least 1");
        Require(options, options.FrameBufferCount > options.FrameQueueCapacity, "frame_buffer_count must exceed frame_queue_capacity (one buffer is being filled while the queue is full)");
        Require(options, options.RestartDelayInitialSeconds > 0, "restart_delay_initial_seconds must be positive");
        Require(options, options.RestartDelayMaxSeconds >= options.RestartDelayInitialSeconds, "restart_delay_max_seconds must be at least restart_delay_initial_seconds");
        CameraUrl.Parse(options.Id, options.Url);
    }

    private static void Require(CameraOptions options, bool condition, string problem)
    {
        if (!condition)
        {
            throw new CameraConfigurationException($"camera '{options.Id}': {problem}");
        }
    }
}
