namespace EdgeIngest.Receiving.Clips;

/// <summary>What one clip message led to.</summary>
public enum ClipOutcome
{
    /// <summary>Kept under <c>.partial/</c>; the clip is not complete yet.</summary>
    Waiting,

    /// <summary>The last missing piece arrived and the clip was verified and stored.</summary>
    Assembled,

    /// <summary>All pieces arrived but the length or sha256 disagreed with the manifest.</summary>
    Rejected,

    /// <summary>The clip is already stored; this was a redelivery.</summary>
    Duplicate,
}
