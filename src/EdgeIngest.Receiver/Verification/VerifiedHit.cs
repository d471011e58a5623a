using EdgeIngest.Events;

namespace EdgeIngest.Receiving.Verification;

/// <summary>A hit that passed verification, with its event id normalized and its snapshots decoded.</summary>
public sealed record VerifiedHit(HitEvent Event, string EventId, byte[] PlateJpeg, byte[] FrameJpeg);
