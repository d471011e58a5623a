namespace EdgeIngest.Receiving;

/// <summary>What the receiver has done since it started; safe to read from any thread.</summary>
public sealed class ReceiverCounters
{
    private long _hits;
    private long _corrections;
    private long _duplicateHits;
    private long _reads;
    private long _duplicateReads;
    private long _deviceMessages;
    private long _clips;
    private long _rejectedClips;
    private long _rejectedMessages;
    private long _footageStatuses;
    private long _footageDeliveries;
    private long _rejectedFootage;

    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Corrections of hits sent early whose pass's final vote disagreed.</summary>
    public long Corrections => Interlocked.Read(ref _corrections);

    /// <summary>Hits whose event id was already stored: redeliveries, not printed again.</summary>
    public long DuplicateHits => Interlocked.Read(ref _duplicateHits);

    public long Reads => Interlocked.Read(ref _reads);

    public long DuplicateReads => Interlocked.Read(ref _duplicateReads);

    /// <summary>Status, heartbeat, drop and command-result messages stored.</summary>
    public long DeviceMessages => Interlocked.Read(ref _deviceMessages);

    public long Clips => Interlocked.Read(ref _clips);

    public long RejectedClips => Interlocked.Read(ref _rejectedClips);

    /// <summary>Messages that failed verification (or could not be stored) and were skipped.</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejectedMessages);

    /// <summary>Footage request status events stored (approved, declined, …).</summary>
    public long FootageStatuses => Interlocked.Read(ref _footageStatuses);

    /// <summary>Footage requests whose every file arrived, was verified and is stored with its custody record.</summary>
    public long FootageDeliveries => Interlocked.Read(ref _footageDeliveries);

    /// <summary>Footage parts (or stray chunks) that disagreed with their manifest and were set aside.</summary>
    public long RejectedFootage => Interlocked.Read(ref _rejectedFootage);

    internal void CountFootageStatus() => Interlocked.Increment(ref _footageStatuses);

    internal void CountFootageDelivery() => Interlocked.Increment(ref _footageDeliveries);

    internal void CountRejectedFootage() => Interlocked.Increment(ref _rejectedFootage);

    internal void CountHit() => Interlocked.Increment(ref _hits);

    internal void CountCorrection() => Interlocked.Increment(ref _corrections);

    internal void CountDuplicateHit() => Interlocked.Increment(ref _duplicateHits);

    internal void CountRead() => Interlocked.Increment(ref _reads);

    internal void CountDuplicateRead() => Interlocked.Increment(ref _duplicateReads);

    internal void CountDeviceMessage() => Interlocked.Increment(ref _deviceMessages);

    internal void CountClip() => Interlocked.Increment(ref _clips);

    internal void CountRejectedClip() => Interlocked.Increment(ref _rejectedClips);

    internal void CountRejectedMessage() => Interlocked.Increment(ref _rejectedMessages);

    public override string ToString() =>
        $"{Hits} hit(s), {DuplicateHits} duplicate hit(s), {Corrections} correction(s), {Reads} read(s), {DuplicateReads} duplicate read(s), " +
        $"{Clips} clip(s), {RejectedClips} rejected clip(s), {DeviceMessages} device message(s), {RejectedMessages} rejected message(s), " +
        $"{FootageStatuses} footage status(es), {FootageDeliveries} footage delivery(ies), {RejectedFootage} rejected footage part(s)";
}
