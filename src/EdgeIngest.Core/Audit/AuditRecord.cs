namespace EdgeIngest.Audit;

/// <summary>
/// One line of the audit log as written: its place in the chain (<see cref="Seq"/>, from 1), when,
/// what (<see cref="Kind"/>, one of <see cref="AuditKinds"/>), the details, the hash of the record
/// before (<see cref="Prev"/>) and its own <see cref="Hash"/>. <see cref="Line"/> is its line
/// number in the file (from 1), so a problem can be pointed at.
/// </summary>
public sealed record AuditRecord(
    long Seq,
    string At,
    string Kind,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string Prev,
    string Hash,
    long Line)
{
    /// <summary>The value of the field <paramref name="name"/>, or null when the record has none.</summary>
    public string? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>When it was written, or null when <see cref="At"/> is not a timestamp (an edited record).</summary>
    public DateTimeOffset? AtTime =>
        DateTimeOffset.TryParse(At, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
