namespace EdgeIngest.Clips;

/// <summary>No clip could be made: no recorded video in the span, an unknown camera, or ffmpeg failed (the message says which).</summary>
public sealed class ClipException : Exception
{
    public ClipException()
    {
    }

    public ClipException(string message)
        : base(message)
    {
    }

    public ClipException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
