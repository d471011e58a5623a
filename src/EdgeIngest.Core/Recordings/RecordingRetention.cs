using EdgeIngest.Agreements;

namespace EdgeIngest.Recordings;

/// <summary>
/// How long the recording is kept (docs/footage.md): the owner's <c>recording.retention_hours</c>,
/// shortened to the agreement's <c>footage.recording_hours</c> while an agreement is in force; an
/// agreement never lengthens what the owner chose.
/// </summary>
public static class RecordingRetention
{
    public static TimeSpan Effective(double ownerHours, double? agreementHours) =>
        TimeSpan.FromHours(agreementHours is { } agreed && agreed < ownerHours ? agreed : ownerHours);

    /// <summary>With the agreement held now (or none): its hours count only while it is in force at <paramref name="now"/>.</summary>
    public static TimeSpan Effective(double ownerHours, SharingAgreement? agreement, DateTimeOffset now) =>
        Effective(ownerHours, agreement is not null && agreement.IsInForceAt(now) ? agreement.FootageTerms.RecordingHours : null);
}
