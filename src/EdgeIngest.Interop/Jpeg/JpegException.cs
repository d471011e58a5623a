namespace EdgeIngest.Interop.Jpeg;

/// <summary>JPEG encoding or decoding failed; the message is libturbojpeg's.</summary>
public sealed class JpegException : Exception
{
    public JpegException()
    {
    }

    public JpegException(string message)
        : base(message)
    {
    }

    public JpegException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
