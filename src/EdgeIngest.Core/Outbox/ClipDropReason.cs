namespace EdgeIngest.Outbox;

/// <summary>The <c>reason_code</c> of an <c>edgeingest.drop/1</c>: what a receiver can count and act on; <c>reason</c> says it in words.</summary>
public static class ClipDropReason
{
    /// <summary>The outbox's disk budget could not hold the clip (or it was evicted for a newer one).</summary>
    public const string BudgetExhausted = "budget_exhausted";

    /// <summary>The clip could not be cut (no video in the window, ffmpeg failed).</summary>
    public const string CutFailed = "cut_failed";

    /// <summary>The clip could not be stored: the outbox's disk is full or failing.</summary>
    public const string StorageFailed = "storage_failed";

    /// <summary>The service stopped (crash, power cut) before the clip was cut, and the recorded video is gone.</summary>
    public const string ServiceStopped = "service_stopped";

    /// <summary>The camera of a promised clip is no longer configured, or clips were turned off, when the service restarted.</summary>
    public const string CameraGone = "camera_gone";
}
