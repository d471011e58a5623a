namespace EdgeIngest.Cameras;

/// <summary>A camera's configuration is unusable; the message names the camera and the problem.</summary>
public sealed class CameraConfigurationException : Exception
{
    public CameraConfigurationException()
    {
    }

    public CameraConfigurationException(string message)
        : base(message)
    {
    }

    public CameraConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
