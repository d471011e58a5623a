namespace EdgeIngest.Outbox;

/// <summary>The outbox file cannot be opened or used; the message names the file and what to do.</summary>
public sealed class OutboxException : Exception
{
    public OutboxException()
    {
    }

    public OutboxException(string message)
        : base(message)
    {
    }

    public OutboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
