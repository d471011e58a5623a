namespace EdgeIngest.Events;

/// <summary>
/// The device's audit chain head in the heartbeat: the newest record's seq and hash, the agency's
/// checkpoint for <c>edgeingest audit verify --expect-head SEQ:HASH</c>. <see cref="Intact"/> is false
/// when the device found its own chain broken when it opened it.
/// </summary>
public sealed record AuditHeadJson(long Seq, string Head, bool Intact);
