using System.Text;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Audit;

/// <summary>
/// The box's audit chain on disk (<c>{storage}/audit/audit.jsonl</c>, one JSON record a line; see
/// <see cref="AuditLineFormat"/>). Each append is on disk (fsync) before it returns, then the anchor
/// <c>audit/head</c> is replaced with the new head, so a log cut short on the box is found even
/// without the agency's checkpoints. Appends are serialised; any thread may append.
/// Opening verifies the whole chain. A chain that does not hold is logged as an error and noted in
/// the chain itself with a <see cref="AuditKinds.ChainBroken"/> record (once per break), and the box
/// goes on recording after it: the service must run, and the break stays in place for
/// <c>audit verify</c>, <c>audit show</c> and the report to name.
/// </summary>
public sealed class AuditLog : IAuditTrail, IDisposable
{
    private static readonly byte[] Newline = "\n"u8.ToArray();
    private readonly Lock _gate = new();
    private readonly AuditPaths _paths;
    private readonly TimeProvider _time;
    private readonly FileStream _file;
    private AuditHead _head;

    private AuditLog(AuditPaths paths, TimeProvider time, FileStream file, AuditHead head, AuditVerification atOpen)
    {
        _paths = paths;
        _time = time;
        _file = file;
        _head = head;
        AtOpen = atOpen;
    }

    public string Head
    {
        get
        {
            lock (_gate)
            {
                return _head.Hash;
            }
        }
    }

    /// <summary>The seq of the newest record (records are numbered from 1, so this is how many were written).</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _head.Seq;
            }
        }
    }

    /// <summary>The newest record's seq and hash together (the heartbeat's checkpoint).</summary>
    public AuditHead Checkpoint
    {
        get
        {
            lock (_gate)
            {
                return _head;
            }
        }
    }

    /// <summary>What the verification at open found (a break stays a break for the life of the log).</summary>
    public AuditVerification AtOpen { get; }

    /// <summary>False when the chain did not hold at open.</summary>
    public bool Intact => AtOpen.Intact;

    /// <summary>Opens (or creates) the log under <paramref name="paths"/>, verifies it and makes it ready to append.</summary>
    public static AuditLog Open(AuditPaths paths, TimeProvider time, ILogger logger)
    {
        try
        {
            Directory.CreateDirectory(paths.Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"Cannot create the audit folder '{paths.Folder}': {e.Message}", e);
        }

        var verification = AuditVerifier.Verify(paths);
        var head = ContinueFrom(verification);
        FileStream file;
        try
        {
            file = new FileStream(paths.LogFile, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
            if (file.Length > 0 && !EndsWithNewline(paths.LogFile))
            {
                // A line cut off by a crash stays (the verifier names it); the next record starts on a line of its own.
                file.Write(Newline);
                file.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"Cannot open the audit log '{paths.LogFile}' for appending: {e.Message}", e);
        }

        var log = new AuditLog(paths, time, file, head, verification);
        if (!File.Exists(paths.HeadFile))
        {
            log.WriteAnchor(head);
        }

        if (verification.FirstBreak is { } broken)
        {
            AuditLogLog.ChainBroken(logger, paths.LogFile, broken.ToString());
            if (!AlreadyNoted(verification.LastBreakNotice, broken))
            {
                log.Append(AuditKinds.ChainBroken, [
                    new(AuditFields.FirstBadSeq, broken.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new(AuditFields.FirstBadLine, broken.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new(AuditFields.Problem, broken.Problem),
                    new(AuditFields.ContinuedFrom, head.ToString()),
                ]);
            }
        }
        else
        {
            AuditLogLog.Opened(logger, paths.LogFile, head.Seq, head.Hash);
        }

        return log;
    }

    public string Append(string kind, IReadOnlyList<KeyValuePair<string, string>> fields) => AppendRecord(kind, fields).Hash;

    public AuditHead AppendRecord(string kind, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            var seq = _head.Seq + 1;
            var at = AuditLineFormat.FormatTime(_time.GetUtcNow());
            var hash = AuditLineFormat.HashOf(seq, at, kind, fields, _head.Hash);
            var line = AuditLineFormat.Line(seq, at, kind, fields, _head.Hash, hash);
            var before = _file.Length;
            try
            {
                _file.Write(line);
                _file.Write(Newline);
                _file.Flush(flushToDisk: true);
            }
            catch (IOException e)
            {
                // Take back a half-written line, so the next record does not follow a torn one.
                TryTruncate(before);
                throw new AuditException($"Cannot append to the audit log '{_paths.LogFile}': {e.Message}", e);
            }

            _head = new AuditHead(seq, hash);
            WriteAnchor(_head);
            return _head;
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>
    /// Where the next record links to: the last record that parsed or, when the anchor is further on
    /// (records cut from the end), the anchor, so the gap stays visible instead of being refilled.
    /// </summary>
    private static AuditHead ContinueFrom(AuditVerification verification)
    {
        var last = verification.LastRecord is { } record ? new AuditHead(record.Seq, record.Hash) : AuditHead.Empty;
        return verification.Anchor is { } anchor && anchor.Seq > last.Seq ? anchor : last;
    }

    private static bool AlreadyNoted(AuditRecord? notice, AuditBreak broken) =>
        notice is not null
        && notice.Field(AuditFields.FirstBadLine) == broken.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
        && notice.Field(AuditFields.Problem) == broken.Problem;

    private void WriteAnchor(AuditHead head)
    {
        var temporary = _paths.HeadFile + ".tmp";
        try
        {
            using (var anchor = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                anchor.Write(Encoding.ASCII.GetBytes(head + "\n"));
                anchor.Flush(flushToDisk: true);
            }

            File.Move(temporary, _paths.HeadFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The record is in the log already; an anchor one behind is accepted by the verifier.
            throw new AuditException($"Appended record {head.Seq}, but cannot update the anchor '{_paths.HeadFile}': {e.Message}", e);
        }
    }

    private void TryTruncate(long length)
    {
        try
        {
            _file.SetLength(length);
        }
        catch (IOException)
        {
            // The verifier will name the torn line.
        }
    }

    private static bool EndsWithNewline(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
