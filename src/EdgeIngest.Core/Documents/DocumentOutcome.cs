namespace EdgeIngest.Documents;

/// <summary>
/// What became of one signed document. <see cref="Reason"/> is null when accepted, else one of
/// <see cref="RejectionReasons"/>; <see cref="Message"/> says what and where in words.
/// <see cref="Repeated"/> marks the same bytes received again (a retained message on reconnect):
/// answered by nothing and audited once. <see cref="ResultPayload"/> is the
/// <c>edgeingest.command-result/1</c> answer to publish under <see cref="AnswerId"/> (null for a repeat).
/// </summary>
public sealed record DocumentOutcome(
    bool Accepted,
    string? Reason,
    string Message,
    string Document,
    long? Version,
    string AnswerId,
    byte[]? ResultPayload,
    bool Repeated = false);
