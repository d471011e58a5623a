using EdgeIngest.Audit;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// Records what a part appends to the audit, for assertions, until the hash-chained audit log
/// (issue 18, audit part) is merged; it keeps every record in order and can be told to fail,
/// like a full disk, to prove that a change which cannot be audited is not made.
/// </summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly List<(string Kind, Dictionary<string, string> Fields)> _records = [];

    public IReadOnlyList<(string Kind, Dictionary<string, string> Fields)> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>When set, every append throws this (an <see cref="IOException"/> as from a full disk).</summary>
    public IOException? FailWith { get; set; }

    public string Head => Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public long Count
    {
        get
        {
            lock (_records)
            {
                return _records.Count;
            }
        }
    }

    public string Append(string kind, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        lock (_records)
        {
            _records.Add((kind, fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)));
            return _records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public IEnumerable<Dictionary<string, string>> OfKind(string kind) => Records.Where(r => r.Kind == kind).Select(r => r.Fields);
}
