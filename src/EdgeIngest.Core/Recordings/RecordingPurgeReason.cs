namespace EdgeIngest.Recordings;

/// <summary>Why segments left the recording.</summary>
public enum RecordingPurgeReason
{
    /// <summary>Older than the retention in force (held windows are skipped).</summary>
    Age,

    /// <summary>The recording outgrew <c>recording.max_gb</c> (held windows go too: the disk must not fill).</summary>
    DiskBudget,
}
