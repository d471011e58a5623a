namespace EdgeIngest.Receiving;

/// <summary>
/// The receiver cannot run and retrying will not help: the broker refuses its credentials or its
/// certificate, or a certificate file cannot be used. The message says which.
/// </summary>
public sealed class ReceiverStartException : Exception
{
    public ReceiverStartException()
    {
    }

    public ReceiverStartException(string message)
        : base(message)
    {
    }

    public ReceiverStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
