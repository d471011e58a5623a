namespace EdgeIngest.Audit;

/// <summary>The audit log or its anchor cannot be read or written (the message names the file).</summary>
public sealed class AuditException : Exception
{
    public AuditException()
    {
    }

    public AuditException(string message)
        : base(message)
    {
    }

    public AuditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
