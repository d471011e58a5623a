using System.Text;

namespace EdgeIngest.Audit;

/// <summary>
/// Walks the whole log and says whether the chain holds: each line must parse, carry the next seq,
/// name the hash of the record before as its <c>prev</c>, and hash to its own <c>hash</c>. Then the
/// end is checked against the anchor file <c>audit/head</c> and, when given, a checkpoint the
/// agency holds from a heartbeat, which finds a log cut short (and one cut short and rewritten).
/// The first problem is named by seq and line; an edited record, a reordered one, a deleted one
/// and a cut-off end are each told apart in words.
/// </summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(AuditPaths paths, AuditHead? expectedHead = null)
    {
        var anchor = ReadAnchor(paths.HeadFile, out var anchorProblem);
        var scan = new ChainScan([anchor?.Seq ?? -1, expectedHead?.Seq ?? -1]);
        if (File.Exists(paths.LogFile))
        {
            scan.Run(paths.LogFile);
        }

        var breaks = new List<AuditBreak>();
        if (scan.FirstBreak is { } chainBreak)
        {
            breaks.Add(chainBreak);
        }

        if (anchorProblem is not null)
        {
            breaks.Add(new AuditBreak(scan.LastSeq + 1, 0, anchorProblem));
        }
        else if (anchor is { } a)
        {
            CheckPoint(scan, a, "its anchor audit/head", breaks);
        }
        else if (scan.Records > 0)
        {
            breaks.Add(new AuditBreak(scan.LastSeq + 1, 0, "the anchor file audit/head is missing, so a log cut short at the end cannot be told from an intact one (deleted?)"));
        }

        if (expectedHead is { } expected)
        {
            CheckPoint(scan, expected, "the agency's checkpoint", breaks);
        }

        // The earliest problem in the file first; problems at the end (line 0) last.
        var first = breaks.OrderBy(b => b.Line == 0 ? long.MaxValue : b.Line).ThenBy(b => b.Seq).FirstOrDefault();
        var head = scan.LastRecord is { } last ? new AuditHead(last.Seq, last.Hash) : AuditHead.Empty;
        return new AuditVerification(scan.Records, head, first, anchor, scan.LastRecord, scan.LastOfKind);
    }

    private static void CheckPoint(ChainScan scan, AuditHead point, string whose, List<AuditBreak> breaks)
    {
        if (point.Seq == 0)
        {
            return;
        }

        if (!scan.HashesAt.TryGetValue(point.Seq, out var found))
        {
            var end = scan.LastSeq == 0 ? "the log holds no record" : $"the log ends at record {scan.LastSeq}";
            breaks.Add(new AuditBreak(
                scan.LastSeq + 1,
                0,
                $"{end}, but {whose} says record {point.Seq} exists (hash {point.Hash}): records {scan.LastSeq + 1}–{point.Seq} were cut from the end (truncated?)"));
            return;
        }

        if (!string.Equals(found.Hash, point.Hash, StringComparison.OrdinalIgnoreCase))
        {
            breaks.Add(new AuditBreak(point.Seq, found.Line, $"its hash is {found.Hash}, but {whose} says {point.Hash} (the log was rewritten from here on?)"));
        }
    }

    private static AuditHead? ReadAnchor(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        if (text.Trim() == "0:" + AuditLineFormat.Genesis)
        {
            return AuditHead.Empty;
        }

        var head = AuditHead.TryParse(text);
        if (head is null)
        {
            problem = $"the anchor file audit/head does not hold SEQ:HASH (it holds '{text.Trim()}'; edited?)";
        }

        return head;
    }

    /// <summary>One pass over the lines, remembering the first break and the hashes of the records the checkpoints name.</summary>
    private sealed class ChainScan(long[] checkpointSeqs)
    {
        private long _expectedSeq = 1;
        private string _prevHash = AuditLineFormat.Genesis;
        private long _lineOfPrev;
        private long? _jumpedOver;
        private long _jumpedTo;
        private long? _missingFoundAt;

        public long Records { get; private set; }

        public long LastSeq => LastRecord?.Seq ?? 0;

        public AuditRecord? LastRecord { get; private set; }

        public Dictionary<string, AuditRecord> LastOfKind { get; } = new(StringComparer.Ordinal);

        public AuditBreak? FirstBreak { get; private set; }

        public Dictionary<long, (string Hash, long Line)> HashesAt { get; } = [];

        public void Run(string file)
        {
            var endsWithNewline = EndsWithNewline(file);
            long lineNumber = 0;
            string? pending = null;
            foreach (var text in File.ReadLines(file, Encoding.UTF8))
            {
                if (pending is not null)
                {
                    Check(pending, ++lineNumber, isLast: false, endsWithNewline);
                }

                pending = text;
            }

            if (pending is not null)
            {
                Check(pending, ++lineNumber, isLast: true, endsWithNewline);
            }

            if (FirstBreak is { } first && _jumpedOver is { } missing && _missingFoundAt is { } foundAt)
            {
                FirstBreak = first with
                {
                    Problem = $"it is out of order: after record {missing - 1} this line holds record {_jumpedTo}, and record {missing} comes later, at line {foundAt} (reordered?)",
                };
            }
        }

        private void Check(string text, long line, bool isLast, bool endsWithNewline)
        {
            var record = AuditLineFormat.TryParse(Encoding.UTF8.GetBytes(text), line, out var parseProblem);
            if (record is null)
            {
                Break(_expectedSeq, line, isLast && !endsWithNewline ? "the last line is incomplete (a write cut off by a crash or power cut?)" : parseProblem!);
                return;
            }

            Records++;
            LastRecord = record;
            LastOfKind[record.Kind] = record;

            if (Array.IndexOf(checkpointSeqs, record.Seq) >= 0)
            {
                HashesAt.TryAdd(record.Seq, (record.Hash, line));
            }

            if (FirstBreak is not null)
            {
                if (_jumpedOver == record.Seq && _missingFoundAt is null)
                {
                    _missingFoundAt = line;
                }

                return;
            }

            if (record.Seq != _expectedSeq)
            {
                if (record.Seq > _expectedSeq)
                {
                    _jumpedOver = _expectedSeq;
                    _jumpedTo = record.Seq;
                    Break(_expectedSeq, line, $"record {_expectedSeq} is missing here: after record {_expectedSeq - 1} this line holds record {record.Seq} (deleted?)");
                }
                else
                {
                    Break(record.Seq, line, $"it is out of order: record {record.Seq} after record {_expectedSeq - 1} (reordered or copied?)");
                }
            }
            else if (!string.Equals(record.Prev, _prevHash, StringComparison.Ordinal))
            {
                var before = _lineOfPrev == 0 ? "the start of the chain" : $"the record before (line {_lineOfPrev})";
                Break(record.Seq, line, $"its prev {record.Prev} does not match the hash of {before}, {_prevHash} (a record was edited and re-hashed, inserted or removed?)");
            }
            else if (AuditLineFormat.HashOf(record.Seq, record.At, record.Kind, record.Fields, record.Prev) is var computed
                && !string.Equals(computed, record.Hash, StringComparison.Ordinal))
            {
                Break(record.Seq, line, $"its content does not match its hash (edited?): it hashes to {computed}, the line says {record.Hash}");
            }

            _expectedSeq = record.Seq + 1;
            _prevHash = record.Hash;
            _lineOfPrev = line;
        }

        private void Break(long seq, long line, string problem) => FirstBreak ??= new AuditBreak(seq, line, problem);

        private static bool EndsWithNewline(string file)
        {
            using var stream = File.OpenRead(file);
            if (stream.Length == 0)
            {
                return true;
            }

            stream.Seek(-1, SeekOrigin.End);
            return stream.ReadByte() == '\n';
        }
    }
}
