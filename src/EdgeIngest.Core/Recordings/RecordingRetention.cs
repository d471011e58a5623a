namespace EdgeIngest.Recordings;

/// <summary>
/// How long the recording is kept (docs/footage.md): the owner's <c>recording.retention_hours</c>,
/// shortened to the agreement's <c>footage.recording_hours</c> when an agreement is in force; an
/// agreement never lengthens what the owner chose.
/// </summary>
public static class RecordingRetention
{
    public static TimeSpan Effective(double ownerHours, double? agreementHours) =>
        TimeSpan.FromHours(agreementHours is { } agreed && agreed < ownerHours ? agreed : ownerHours);
}
