namespace EdgeIngest.Receiving.Footage;

/// <summary>What one footage manifest or chunk led to.</summary>
public enum FootageOutcome
{
    /// <summary>Kept on disk; the request is not complete yet.</summary>
    Waiting,

    /// <summary>Already stored (a redelivery), or the request is already delivered.</summary>
    Duplicate,

    /// <summary>A part's chunks all arrived, but its length or sha256 disagreed: its chunks were set aside so a resend can replace them.</summary>
    PartRejected,

    /// <summary>Every part verified but the camera's whole did not match its sha256; nothing a resend of the same parts can fix.</summary>
    CameraRejected,

    /// <summary>The last part arrived: every file verified, stored, and the custody record written.</summary>
    Delivered,
}
