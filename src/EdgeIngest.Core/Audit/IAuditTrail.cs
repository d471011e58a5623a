namespace EdgeIngest.Audit;

/// <summary>
/// The box's tamper-evident record of what it disclosed and what changed its rules: each record
/// holds the hash of the one before, so an edited, reordered, deleted or truncated record is found
/// by <c>audit verify</c>. Every part that discloses or changes something writes here.
/// </summary>
public interface IAuditTrail
{
    /// <summary>The hash of the newest record (the chain head), sent in the heartbeat as the agency's checkpoint.</summary>
    string Head { get; }

    /// <summary>How many records the chain holds.</summary>
    long Count { get; }

    /// <summary>
    /// Appends one record of <paramref name="kind"/> (one of <see cref="AuditKinds"/>) with its
    /// fields, durably (on disk before it returns), and returns the new head.
    /// </summary>
    string Append(string kind, IReadOnlyList<KeyValuePair<string, string>> fields);

    /// <summary>
    /// Appends as <see cref="Append"/> and returns the new record's place in the chain (seq and
    /// hash), taken in the same step, so a record can be cited (e.g. a footage answer's
    /// <c>audit_position</c>) even while other threads append.
    /// </summary>
    AuditHead AppendRecord(string kind, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var hash = Append(kind, fields);
        return new AuditHead(Count, hash);
    }
}
