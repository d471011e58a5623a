namespace EdgeIngest.Events;

/// <summary>
/// In a hit: a clip of this hit will follow on <c>{prefix}/{device}/clips/{event_id}/…</c>,
/// covering about <see cref="PreRollSeconds"/> before the read to <see cref="PostRollSeconds"/>
/// after it. Null when clips are off; if the clip cannot be made, a drop report says so.
/// </summary>
public sealed record ClipPromiseJson(double PreRollSeconds, double PostRollSeconds);
