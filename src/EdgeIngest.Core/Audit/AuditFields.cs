namespace EdgeIngest.Audit;

/// <summary>
/// Field names that the report and <c>audit show</c> read back, so writers and readers agree.
/// A record may carry more; these are the ones given meaning.
/// </summary>
public static class AuditFields
{
    // disclosure
    public const string EventId = "event_id";

    /// <summary>On a correction's disclosure: the event id of the hit it corrects.</summary>
    public const string Corrects = "corrects_event_id";

    /// <summary>What left the box: <c>hit</c> or <c>read</c>.</summary>
    public const string What = "what";

    public const string CameraId = "camera_id";
    public const string Plate = "plate";
    public const string ListedPlate = "listed_plate";
    public const string Category = "category";
    public const string MatchKind = "match_kind";
    public const string Agency = "agency";
    public const string HotlistVersion = "hotlist_version";
    public const string AgreementVersion = "agreement_version";

    // hotlist_* and agreement_* (written by document reception)
    public const string Document = "document";
    public const string Version = "version";
    public const string Entries = "entries";
    public const string AgreementId = "agreement_id";
    public const string SharingPolicy = "sharing_policy";
    public const string AllowedCategories = "allowed_categories";
    public const string RetentionDays = "retention_days";
    public const string ValidFrom = "valid_from";
    public const string ValidUntil = "valid_until";
    public const string Reason = "reason";
    public const string Message = "message";

    // purge
    public const string Reads = "reads";
    public const string Hits = "hits";
    public const string EvidenceFiles = "evidence_files";
    public const string EvidenceBytes = "evidence_bytes";

    // config_changed, service_started, service_stopped
    public const string ConfigFile = "config_file";
    public const string OldSha256 = "old_sha256";
    public const string NewSha256 = "new_sha256";
    public const string ChangedKeys = "changed_keys";
    public const string ConfigSha256 = "config_sha256";
    public const string SoftwareVersion = "software_version";
    public const string UptimeSeconds = "uptime_seconds";

    // chain_broken
    public const string FirstBadSeq = "first_bad_seq";
    public const string FirstBadLine = "first_bad_line";
    public const string Problem = "problem";
    public const string ContinuedFrom = "continued_from";

    // console_*
    public const string RemoteAddress = "remote_address";
    public const string Failures = "failures";
    public const string LockedUntil = "locked_until";

    /// <summary>For <c>console_password_set</c>: <c>first_run</c> or <c>changed</c>.</summary>
    public const string How = "how";

    // config_changed made in the console
    public const string ChangedBy = "changed_by";
    public const string CameraChange = "camera_change";
    public const string CameraUrl = "camera_url";
    public const string CameraZone = "camera_zone";

    // console_enrollment_applied (never the key)
    public const string DeviceId = "device_id";
    public const string Broker = "broker";
    public const string CertificateExpires = "certificate_expires";

    // footage_* (reason: Reason)
    public const string RequestId = "request_id";
    public const string CaseNumber = "case_number";
    public const string ReasonCode = "reason_code";
    public const string Officer = "officer";
    public const string FootageCameras = "cameras";
    public const string RequestedFrom = "requested_from";
    public const string RequestedTo = "requested_to";
    public const string ApprovedFrom = "approved_from";
    public const string ApprovedTo = "approved_to";

    /// <summary>Who answered a footage request (the console's owner).</summary>
    public const string AnsweredBy = "by";
    public const string ExpiresAt = "expires_at";
    public const string FootageBytes = "footage_bytes";
    public const string FootageParts = "footage_parts";
    public const string FootageNote = "note";

    // recording_purged (also camera_id and reason: age or disk_budget)
    public const string Segments = "segments";
    public const string Bytes = "bytes";
    public const string SpanFrom = "span_from";
    public const string SpanTo = "span_to";
    public const string RetentionHours = "retention_hours";
    public const string MaxBytes = "max_bytes";
}
