using BenchmarkDotNet.Attributes;
using EdgeIngest.Audit;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Events;
using EdgeIngest.Frames;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Outbox;
using EdgeIngest.Reads;
using EdgeIngest.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeIngest.Benchmarks.Hits;

/// <summary>
/// What a hit costs the recogniser's turn, which every camera shares. <see cref="Decide"/> is what
/// <see cref="ReadRouter"/> does on the turn now: match, copy the best frame, queue the decision.
/// <see cref="Commit"/> is what <see cref="HitCommitter"/> does off the turn, and what the turn
/// used to pay for every hit before it moved (two JPEG encodes, the event JSON and the outbox
/// commit, SQLite fsync'd), plus what issue 18 added to it: the disclosure audit record and the
/// hit with its evidence in the box's records. Real frame (the demo clip), real codec, real outbox on disk.
/// </summary>
[Config(typeof(StageConfig))]
public class HitTurnBenchmarks
{
    private readonly TopicLayout _topics = new("edgeingest", "bench-device");
    private BgrImage _frame;
    private PlateBox _plate;
    private HotlistHolder _hotlist = null!;
    private HitSnapshots _snapshots = null!;
    private string _folder = null!;
    private DurableOutbox _outbox = null!;
    private HitCommitter _committer = null!;
    private RecordStore _records = null!;
    private AuditLog _audit = null!;
    private int _number;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        using (var recognizer = PaddleOcrPlateRecognizer.Create())
        {
            _plate = recognizer.Recognize(_frame)[0].Box;
        }

        _hotlist = new HotlistHolder(new VersionedHotlist(new Hotlist([new HotlistEntry("7ABC123", "Stolen vehicle", HotlistPriority.High)]), 1, "bench"));
        _snapshots = new HitSnapshots(new TurboJpegCodec());
        _folder = Directory.CreateTempSubdirectory("edgeingest-bench-hits-").FullName;
        _outbox = DurableOutbox.Open(new OutboxOptions { FilePath = Path.Combine(_folder, OutboxOptions.FileName) }, _topics, NullLogger.Instance);
        _records = RecordStore.Open(_folder);
        _audit = AuditLog.Open(AuditPaths.Under(_folder), TimeProvider.System, NullLogger.Instance);
        _committer = new HitCommitter("bench-device", _snapshots, _topics, _outbox, _records, _audit, () => "bench agency", NullLogger.Instance);
    }

    [Benchmark(Baseline = true, Description = "hit on the recogniser's turn: match + frame copy")]
    public int Decide()
    {
        var match = _hotlist.Match("7ABC123", DateTimeOffset.UtcNow)!.Value;
        using var frame = EvidenceFrame.CopyOf(_frame);
        return match.Entry.Plate.Length + frame.Width;
    }

    [Benchmark(Description = "hit off the turn: 2 JPEGs + event + outbox + audit + records")]
    public long Commit()
    {
        using var frame = EvidenceFrame.CopyOf(_frame);
        var id = Guid.CreateVersion7().ToString();
        _committer.Commit(new DecidedRead(Disposition.Hit, id, "gate", "7ABC123", 0.95f, _plate, DateTimeOffset.UtcNow, 5, new HotlistMatch(new HotlistEntry("7ABC123", "Stolen vehicle", HotlistPriority.High), MatchKind.Exact, 0, "7ABC123"), 1, null, null, frame));
        return _committer.Committed + ++_number;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _committer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _outbox.Dispose();
        _records.Dispose();
        _audit.Dispose();
        _snapshots.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
