namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// ONNX Runtime refused a model or a run. The message names the model file and carries ORT's own
/// reason; the package's exception is the inner one.
/// </summary>
public sealed class OrtException : Exception
{
    public OrtException()
    {
    }

    public OrtException(string message)
        : base(message)
    {
    }

    public OrtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
