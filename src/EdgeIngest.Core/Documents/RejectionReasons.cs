namespace EdgeIngest.Documents;

/// <summary>
/// Why a signed document was refused, as written in the log, the audit (<c>reason</c>) and the
/// answer on <c>command-results</c>. The first five come from the signature check
/// (<see cref="Signing.SignatureException.ReasonCode"/>).
/// </summary>
public static class RejectionReasons
{
    public const string Unsigned = "unsigned";
    public const string Malformed = "malformed";
    public const string UnknownKey = "unknown_key";
    public const string Forged = "forged";
    public const string WrongType = "wrong_type";

    /// <summary>A version older than or equal to the one in force.</summary>
    public const string Replay = "replay";

    /// <summary>A delta whose base_version is not the version the device holds.</summary>
    public const string BaseNotHeld = "base_not_held";

    /// <summary>Valid, but it could not be stored durably or audited (disk full, read-only): nothing changed; send it again.</summary>
    public const string NotStored = "not_stored";
}
