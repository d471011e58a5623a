namespace EdgeIngest.Pipeline;

/// <summary>
/// A hit that needs its clip: which camera, around which moment, under which event id.
/// <paramref name="KeepOnBox"/>: keep the clip as the hit's evidence on the box too (not for a covert hit, which the box shows nothing of).
/// </summary>
public readonly record struct HitClipRequest(string EventId, string CameraId, DateTimeOffset ReadAt, bool KeepOnBox = false);
