using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeIngest.Audit;

/// <summary>
/// A point in the chain: record <see cref="Seq"/> has hash <see cref="Hash"/>. Written as
/// <c>SEQ:HASH</c>, both in the anchor file <c>audit/head</c> (the newest record, so a log cut short
/// on the box is found) and by an agency that passes a heartbeat's checkpoint to
/// <c>audit verify --expect-head</c> (so a log cut short together with its anchor is found too).
/// </summary>
public readonly partial record struct AuditHead(long Seq, string Hash)
{
    /// <summary>No record yet.</summary>
    public static AuditHead Empty { get; } = new(0, AuditLineFormat.Genesis);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seq}:{Hash}");

    /// <summary>Parses <c>SEQ:HASH</c> (seq ≥ 1, 64 hex digits); null when it is not that form.</summary>
    public static AuditHead? TryParse(string? text)
    {
        var match = text is null ? Match.Empty : HeadPattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups["seq"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1)
        {
            return null;
        }

        return new AuditHead(seq, match.Groups["hash"].Value.ToLowerInvariant());
    }

    [GeneratedRegex("^(?<seq>[0-9]{1,18}):(?<hash>[0-9a-fA-F]{64})$")]
    private static partial Regex HeadPattern();
}
