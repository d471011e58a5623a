namespace EdgeIngest.Pipeline;

/// <summary>A hit that needs its clip: which camera, around which moment, under which event id.</summary>
public readonly record struct HitClipRequest(string EventId, string CameraId, DateTimeOffset ReadAt);
