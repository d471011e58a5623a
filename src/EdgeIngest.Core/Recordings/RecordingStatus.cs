namespace EdgeIngest.Recordings;

/// <summary>One camera's recording on disk, for health reporting.</summary>
/// <param name="OldestAt">How far back a footage request can reach now; null while nothing is held.</param>
/// <param name="KeepFailures">Segments that could not be copied to disk (disk full or failing) since start.</param>
public sealed record RecordingStatus(string CameraId, int Segments, long Bytes, DateTimeOffset? OldestAt, DateTimeOffset? NewestAt, long KeepFailures);
