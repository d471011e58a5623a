using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Outbox;

/// <summary>A temp folder holding a real outbox file, opened and reopened as a restart would; deleted on dispose.</summary>
internal sealed class OutboxFolder : IDisposable
{
    public OutboxFolder()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edgeingest-outbox-").FullName;
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, OutboxOptions.FileName);

    public InMemoryLoggerProvider Logs { get; } = new();

    public static TopicLayout Topics { get; } = new("edgeingest", "test-device");

    public DurableOutbox Open(long budgetBytes = 64L * 1024 * 1024, int chunkBytes = 1024) =>
        DurableOutbox.Open(
            new OutboxOptions { FilePath = FilePath, BudgetBytes = budgetBytes, ClipChunkBytes = chunkBytes },
            Topics,
            Logs.CreateLogger("outbox"));

    public static OutgoingMessage Hit(int number, int payloadBytes = 100)
    {
        var id = Guid.CreateVersion7().ToString();
        var payload = new byte[payloadBytes];
        payload.AsSpan().Fill((byte)('a' + (number % 26)));
        return new OutgoingMessage(Topics.Hits, payload, id);
    }

    public static ClipToSend Clip(int bytes)
    {
        var mp4 = new byte[bytes];
        new Random(bytes).NextBytes(mp4);
        var at = DateTimeOffset.UtcNow;
        return new ClipToSend(Guid.CreateVersion7().ToString(), "gate", at.AddSeconds(-5), at.AddSeconds(10), TruncatedPreRoll: false, mp4);
    }

    /// <summary>Takes everything in send order, acknowledging each, as a sender with a perfect link would.</summary>
    public static List<StoredMessage> DrainAll(DurableOutbox outbox)
    {
        var sent = new List<StoredMessage>();
        while (outbox.PeekNext() is { } next)
        {
            sent.Add(next);
            outbox.Acknowledge(next.Sequence);
        }

        return sent;
    }

    public void Dispose()
    {
        Logs.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
