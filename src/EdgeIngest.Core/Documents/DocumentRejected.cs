namespace EdgeIngest.Documents;

/// <summary>A refusal inside <see cref="DocumentReception"/>: the reason code, the message, and what is known of the document.</summary>
internal sealed class DocumentRejected(string reason, string message, string document, long? version = null) : Exception(message)
{
    public string Reason { get; } = reason;

    public string Document { get; } = document;

    public long? Version { get; } = version;
}
