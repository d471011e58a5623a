namespace EdgeIngest.Signing;

/// <summary>Why a signed document was refused; the snake_case name goes into logs, the audit and command results.</summary>
public enum SignatureProblem
{
    /// <summary>Not an envelope at all, or one without a signature.</summary>
    Unsigned,

    /// <summary>An envelope with a missing or unreadable field.</summary>
    Malformed,

    /// <summary>Signed, but not by the agency key this device was provisioned with.</summary>
    UnknownKey,

    /// <summary>Names the device's key, but the signature does not verify: the content was changed.</summary>
    Forged,

    /// <summary>A valid signature over a different kind of document than the one expected.</summary>
    WrongType,
}
