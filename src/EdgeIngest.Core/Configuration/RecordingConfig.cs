namespace EdgeIngest.Configuration;

/// <summary>
/// The continuous recording on disk (section <c>recording</c>, docs/footage.md): every segment the
/// recorder closes is kept, as recorded, for footage requests and hit clips. How long is the
/// agreement's <c>footage.recording_hours</c>, or the owner's shorter <see cref="RetentionHours"/>;
/// never more than <see cref="MaxGb"/> on disk.
/// </summary>
public sealed class RecordingConfig
{
    public const string DefaultSubdirectory = "recordings";

    public bool Enabled { get; set; } = true;

    /// <summary>Each camera's segments go to <c>{directory}/{camera}/</c>. Null: <c>{storage.directory}/recordings</c>; relative: against the configuration file's folder.</summary>
    public string? Directory { get; set; }

    /// <summary>The owner's retention; an agreement in force may only shorten it further, never lengthen it.</summary>
    public double RetentionHours { get; set; } = 72;

    /// <summary>The recording's disk budget in GiB, all cameras together: past it the oldest segments go, held or not.</summary>
    public double MaxGb { get; set; } = 20;
}
