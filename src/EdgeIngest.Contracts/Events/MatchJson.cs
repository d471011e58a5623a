namespace EdgeIngest.Events;

/// <summary>
/// How the read matched the listed plate (<c>edgeingest.hit/2</c>): <c>exact</c>, <c>look_alike</c>
/// (OCR look-alike characters, one missing or extra character; <see cref="Distance"/> counts them)
/// or <c>wildcard</c> (an entry for a partial plate). Anything but exact carries
/// <see cref="ConfirmBeforeActing"/>: the investigator checks the snapshot against the listed plate first.
/// </summary>
public sealed record MatchJson(string Kind, int Distance, bool ConfirmBeforeActing, string Reading);
