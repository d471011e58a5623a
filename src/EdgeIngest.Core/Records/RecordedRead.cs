namespace EdgeIngest.Records;

/// <summary>A vehicle pass as the box keeps it: <see cref="Shared"/> when it was sent to the agency (policy <c>all_reads</c>).</summary>
public sealed record RecordedRead(string EventId, string CameraId, DateTimeOffset At, string Plate, float Confidence, bool Shared);
