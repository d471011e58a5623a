namespace EdgeIngest.Interop.Onnx;

/// <summary>A call into ONNX Runtime failed; carries ORT's own error code and message.</summary>
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

    public OrtException(OrtErrorCode errorCode, string message)
        : base($"ONNX Runtime error {errorCode}: {message}")
    {
        ErrorCode = errorCode;
        OrtMessage = message;
    }

    public OrtErrorCode ErrorCode { get; } = OrtErrorCode.Fail;

    /// <summary>The message exactly as ONNX Runtime wrote it.</summary>
    public string OrtMessage { get; } = string.Empty;
}
