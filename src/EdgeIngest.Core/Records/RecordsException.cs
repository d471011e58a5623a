namespace EdgeIngest.Records;

/// <summary>The local records store cannot be opened or written; the message names the file.</summary>
public sealed class RecordsException : Exception
{
    public RecordsException()
    {
    }

    public RecordsException(string message)
        : base(message)
    {
    }

    public RecordsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
