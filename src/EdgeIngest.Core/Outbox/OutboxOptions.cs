namespace EdgeIngest.Outbox;

/// <summary>Where the outbox lives and how much disk it may use.</summary>
public sealed record OutboxOptions
{
    /// <summary>The file name inside the storage folder.</summary>
    public const string FileName = "outbox.db";

    public required string FilePath { get; init; }

    /// <summary>Stored bytes (payloads and topics) above which clips are evicted; events are accepted regardless.</summary>
    public long BudgetBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Clip chunk size: small enough that a hit behind one in-flight chunk waits only milliseconds.</summary>
    public int ClipChunkBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// How long a message the broker acknowledged may wait for the receiver's confirmation before it
    /// is sent again; doubled on each further send of the same message, up to <see cref="ConfirmTimeoutMax"/>.
    /// </summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait between sends of one unconfirmed message, so that a receiver away for hours
    /// does not find each message queued at the broker hundreds of times.
    /// </summary>
    public TimeSpan ConfirmTimeoutMax { get; init; } = TimeSpan.FromMinutes(8);
}
