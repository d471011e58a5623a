using System.Text;
using System.Text.Json;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Clips;
using EdgeIngest.Commands;
using EdgeIngest.Configuration;
using EdgeIngest.Events;
using EdgeIngest.Footage;
using EdgeIngest.Outbox;
using EdgeIngest.Recordings;
using EdgeIngest.Records;
using EdgeIngest.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// A device's footage parts, real and on disk in a temp folder: the audit log, a recording of
/// cameras <c>gate</c> and <c>yard</c> (real ffmpeg segments kept from <see cref="RecordedFrom"/>),
/// the outbox, the footage store and the records, on a fake clock. <see cref="Reopen"/> closes
/// them all and opens them again over the same files, as a restart (or a kill -9) would.
/// </summary>
internal sealed class FootageBox : IDisposable
{
    public static readonly DateTimeOffset RecordedFrom = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = new(2026, 12, 6, 15, 0, 0, TimeSpan.Zero);

    public static readonly TopicLayout Topics = new("edgeingest", "gate-01");

    public const int ChunkBytes = 16 * 1024;

    private readonly string _root = Directory.CreateTempSubdirectory("edgeingest-footage-").FullName;
    private readonly int _maxPartBytes;
    private readonly long _budgetBytes;

    public FootageBox(int maxPartBytes = FootageRequestLimits.MaxPartBytes, long budgetBytes = 64L * 1024 * 1024, SharingAgreement? agreement = null, bool withAgreement = true)
    {
        _maxPartBytes = maxPartBytes;
        _budgetBytes = budgetBytes;
        Agreements = new AgreementHolder(
            withAgreement ? new VersionedAgreement(agreement ?? TestAgency.Agreement(1), "test") : null,
            SharingPolicy.HitsOnly,
            AgreementHolder.DefaultLocalRetention);
        OpenAll();
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public InMemoryLoggerProvider Logs { get; } = new();

    public AgreementHolder Agreements { get; }

    public AuditPaths AuditPaths => AuditPaths.Under(_root);

    public string StorageDirectory => _root;

    public AuditLog Audit { get; private set; } = null!;

    public FootageRecording Recording { get; private set; } = null!;

    public DurableOutbox Outbox { get; private set; } = null!;

    public FootageRequestStore Store { get; private set; } = null!;

    public RecordStore Records { get; private set; } = null!;

    public FootageRequests Requests { get; private set; } = null!;

    public FootageDelivery Delivery { get; private set; } = null!;

    /// <summary>A command processor as a fresh start has it (no memory of earlier commands).</summary>
    public CommandProcessor NewProcessor() => new(Topics.DeviceId, null, Logs.CreateLogger("commands"), footage: Requests);

    /// <summary>Keeps <paramref name="files"/> in the recording of <paramref name="camera"/>, back to back 2 s each from <paramref name="from"/>.</summary>
    public void Record(string camera, IReadOnlyList<string> files, DateTimeOffset from)
    {
        for (var i = 0; i < files.Count; i++)
        {
            // Keep moves nothing: it copies from the ring, so the fixture's files stay for the next test.
            var ring = Path.Combine(_root, "ring", camera);
            Directory.CreateDirectory(ring);
            var copy = Path.Combine(ring, $"r{i:D6}.ts");
            File.Copy(files[i], copy, overwrite: true);
            var start = from + TimeSpan.FromSeconds(2 * i);
            Recording.Keep(camera, new Segment(copy, start, start + TimeSpan.FromSeconds(2), new FileInfo(copy).Length));
        }
    }

    public void Reopen()
    {
        CloseAll();
        OpenAll();
    }

    /// <summary>Every outbox message, in send order (events first), without sending any.</summary>
    public List<StoredMessage> Waiting()
    {
        var messages = new List<StoredMessage>();
        long lastEvent = 0, lastClip = 0;
        while (Outbox.PeekNextAfter(lastEvent, lastClip) is { } next)
        {
            messages.Add(next);
            if (next.Lane == OutboxLane.Events)
            {
                lastEvent = next.Sequence;
            }
            else
            {
                lastClip = next.Sequence;
            }
        }

        return messages;
    }

    /// <summary>The receiver's confirmation of <paramref name="messages"/>, by the keys docs/events.md and docs/footage.md give.</summary>
    public int Confirm(IEnumerable<StoredMessage> messages) =>
        Outbox.Confirm([.. messages.Select(m => m.Lane == OutboxLane.Events
            ? AckKeys.ForEvent(Topics.Relative(m.Topic)!, m.EventId)
            : AckKeys.ForClipPart(Topics.Relative(m.Topic)!))]);

    public List<FootageStatusEvent> StatusEvents() =>
        [.. Waiting().Where(m => m.Topic == Topics.FootageStatus).Select(m => JsonSerializer.Deserialize(m.Payload, FootageJsonContext.Default.FootageStatusEvent)!)];

    public List<AuditRecord> AuditRecords(string kind) => [.. AuditReader.ReadRecords(AuditPaths).Where(r => r.Kind == kind)];

    public static byte[] Command(string id, string footageJson) =>
        Encoding.UTF8.GetBytes($$"""{"schema":"edgeingest.command/1","command_id":"{{id}}","type":"footage.request","footage":{{footageJson}}}""");

    public static string Footage(
        string caseNumber = "2026-004512",
        string cameras = "[\"gate\"]",
        string from = "2026-12-06T14:00:04Z",
        string to = "2026-12-06T14:00:12Z",
        string reasonCode = "burglary",
        string officer = "Det. A. Ruiz #4411",
        string? note = "white van, rear door") =>
        $$"""{"case_number":{{JsonSerializer.Serialize(caseNumber)}},"reason_code":{{JsonSerializer.Serialize(reasonCode)}},"officer":{{JsonSerializer.Serialize(officer)}},"cameras":{{cameras}},"from":"{{from}}","to":"{{to}}"{{(note is null ? "" : $",\"note\":{JsonSerializer.Serialize(note)}")}}}""";

    public void Dispose()
    {
        CloseAll();
        Logs.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void OpenAll()
    {
        Audit = AuditLog.Open(AuditPaths, Clock, Logs.CreateLogger("audit"));
        Recording = FootageRecording.Open(Path.Combine(_root, "recordings"), ["gate", "yard"], 1L << 30, () => TimeSpan.FromHours(72), Logs.CreateLogger("recording"), Clock);
        Outbox = DurableOutbox.Open(
            new OutboxOptions { FilePath = Path.Combine(_root, OutboxOptions.FileName), BudgetBytes = _budgetBytes, ClipChunkBytes = ChunkBytes },
            Topics,
            Logs.CreateLogger("outbox"),
            Clock);
        Store = FootageRequestStore.Open(_root);
        Records = RecordStore.Open(_root);
        Requests = new FootageRequests(Store, Recording, Agreements, Audit, Outbox, Logs.CreateLogger("footage"), Clock);
        Delivery = new FootageDelivery(Requests, Outbox, Records, Logs.CreateLogger("footage"), Clock, _maxPartBytes);
    }

    private void CloseAll()
    {
        Records.Dispose();
        Store.Dispose();
        Outbox.Dispose();
        Audit.Dispose();
    }
}
