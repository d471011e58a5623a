namespace EdgeIngest.Recordings;

/// <summary>What one purge pass removed from one camera for one reason (one audit record).</summary>
/// <param name="From">The start of the oldest segment removed.</param>
/// <param name="To">The end of the newest segment removed (segments held in between may remain).</param>
public sealed record RecordingPurge(string CameraId, RecordingPurgeReason Reason, int Segments, long Bytes, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The audit's spelling: <c>age</c> or <c>disk_budget</c>.</summary>
    public string ReasonCode => Reason == RecordingPurgeReason.Age ? "age" : "disk_budget";
}
