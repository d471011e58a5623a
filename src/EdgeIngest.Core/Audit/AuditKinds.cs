namespace EdgeIngest.Audit;

/// <summary>What an audit record is about (its <c>kind</c>).</summary>
public static class AuditKinds
{
    /// <summary>An event left the box: event id, what, when, to which agency, under which hotlist entry, list and agreement versions.</summary>
    public const string Disclosure = "disclosure";

    public const string HotlistAccepted = "hotlist_accepted";

    public const string HotlistRejected = "hotlist_rejected";

    public const string AgreementAccepted = "agreement_accepted";

    public const string AgreementRejected = "agreement_rejected";

    public const string ConfigChanged = "config_changed";

    /// <summary>Records and files removed past their retention (counts per kind).</summary>
    public const string Purge = "purge";

    public const string ServiceStarted = "service_started";

    public const string ServiceStopped = "service_stopped";

    /// <summary>
    /// Written by the box itself when it opens a log whose chain does not hold (first bad record,
    /// what is wrong): the box goes on recording after it, and the break stays for verify, show and
    /// the report to name.
    /// </summary>
    public const string ChainBroken = "chain_broken";

    /// <summary>The owner signed in to the web console (field <c>remote_address</c>).</summary>
    public const string ConsoleLogin = "console_login";

    /// <summary>A wrong console password (field <c>remote_address</c>, <c>failures</c> in a row).</summary>
    public const string ConsoleLoginFailed = "console_login_failed";

    /// <summary>Too many wrong passwords: the console's login is locked (field <c>locked_until</c>).</summary>
    public const string ConsoleLockout = "console_lockout";

    /// <summary>The console's password was set (first run) or changed.</summary>
    public const string ConsolePasswordSet = "console_password_set";

    /// <summary>
    /// An enrollment bundle was applied from the web console (fields <c>remote_address</c>,
    /// <c>device_id</c>, <c>broker</c>, <c>certificate_expires</c>, <c>agreement_version</c>); in force after a restart.
    /// </summary>
    public const string ConsoleEnrollmentApplied = "console_enrollment_applied";

    // Footage requests (docs/footage.md): each step of a request, with its request_id and case_number.

    /// <summary>A footage request was accepted and waits for the owner's answer.</summary>
    public const string FootageReceived = "footage_received";

    /// <summary>A footage request was refused at once (field <c>reason</c>); nothing was stored.</summary>
    public const string FootageRefused = "footage_refused";

    /// <summary>The owner approved a footage request (the approved window, <c>by</c>).</summary>
    public const string FootageApproved = "footage_approved";

    /// <summary>The owner declined a footage request (field <c>reason</c>, <c>by</c>).</summary>
    public const string FootageDeclined = "footage_declined";

    /// <summary>A footage request was not answered within the agreement's days.</summary>
    public const string FootageExpired = "footage_expired";

    /// <summary>Every part of an approved request's footage was stored for sending.</summary>
    public const string FootageSent = "footage_sent";

    /// <summary>The receiver confirmed every part of an approved request's footage (fields <c>footage_bytes</c>, <c>footage_parts</c>).</summary>
    public const string FootageDelivered = "footage_delivered";

    /// <summary>Approved footage could not be sent (field <c>reason</c>): the video went, or changed, before it could be.</summary>
    public const string FootageFailed = "footage_failed";

    /// <summary>
    /// Segments left the continuous recording (fields <c>camera_id</c>, <c>segments</c>, <c>bytes</c>,
    /// <c>span_from</c>, <c>span_to</c>, <c>reason</c>: <c>age</c> or <c>disk_budget</c>); one per camera and reason per purge.
    /// </summary>
    public const string RecordingPurged = "recording_purged";
}
