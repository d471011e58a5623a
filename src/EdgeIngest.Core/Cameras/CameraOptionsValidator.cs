namespace EdgeIngest.Cameras;

/// <summary>Checks a camera's settings up front, with messages that name the camera.</summary>
public static class CameraOptionsValidator
{
    public static void Validate(CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Id))
        {
            throw new CameraConfigurationException("camera without an id: every camera needs a short id such as 'gate-north'");
        }

        Require(options, options.AnalysisFps is > 0 and <= 60, "analysisFps must be in (0, 60]");
        Require(options, options.StallTimeoutSeconds > 0, "stallTimeoutSeconds must be positive");
        Require(options, options.ProbeTimeoutSeconds > 0, "probeTimeoutSeconds must be positive");
        Require(options, options.FrameQueueCapacity >= 1, "frameQueueCapacity must be at least 1");
        Require(options, options.FrameBufferCount > options.FrameQueueCapacity, "frameBufferCount must exceed frameQueueCapacity (one buffer is being filled while the queue is full)");
        Require(options, options.RestartDelayInitialSeconds > 0, "restartDelayInitialSeconds must be positive");
        Require(options, options.RestartDelayMaxSeconds >= options.RestartDelayInitialSeconds, "restartDelayMaxSeconds must be at least restartDelayInitialSeconds");
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
