namespace EdgeIngest.Receiving.Topics;

/// <summary>What a device topic carries (docs/events.md); each kind has its own schema and size limit.</summary>
public enum TopicKind
{
    Hit,
    Correction,
    Read,
    Status,
    Registration,
    Heartbeat,
    Drop,
    CommandResult,
    ClipManifest,
    ClipChunk,
    FootageStatus,
    FootageManifest,
    FootageChunk,
}
