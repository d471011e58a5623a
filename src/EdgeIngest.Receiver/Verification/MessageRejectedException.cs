namespace EdgeIngest.Receiving.Verification;

/// <summary>
/// A message that fails verification. The message says what was wrong, in terms a device engineer
/// can act on; the receiver logs it with the topic and goes on with the next message.
/// </summary>
public sealed class MessageRejectedException : Exception
{
    public MessageRejectedException()
    {
    }

    public MessageRejectedException(string message)
        : base(message)
    {
    }

    public MessageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
