namespace EdgeIngest.Signing;

/// <summary>A signed document that must not be used; <see cref="Problem"/> says why, the message says what and where.</summary>
public sealed class SignatureException(SignatureProblem problem, string message) : Exception(message)
{
    public SignatureProblem Problem { get; } = problem;

    /// <summary>The reason as written in logs, the audit and command results: unsigned, malformed, unknown_key, forged, wrong_type.</summary>
    public string ReasonCode => Problem switch
    {
        SignatureProblem.Unsigned => "unsigned",
        SignatureProblem.Malformed => "malformed",
        SignatureProblem.UnknownKey => "unknown_key",
        SignatureProblem.Forged => "forged",
        SignatureProblem.WrongType => "wrong_type",
        _ => "invalid",
    };
}
