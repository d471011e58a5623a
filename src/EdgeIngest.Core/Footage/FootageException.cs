namespace EdgeIngest.Footage;

/// <summary>The footage request store cannot be opened or written; the message names the file.</summary>
public sealed class FootageException : Exception
{
    public FootageException()
    {
    }

    public FootageException(string message)
        : base(message)
    {
    }

    public FootageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
