namespace EdgeIngest.WebConsole.Views;

/// <summary>One camera on the Status page; <see cref="Picture"/> is the address of its latest picture.</summary>
internal sealed record CameraRow(
    string Id,
    string Url,
    string State,
    bool Streaming,
    string? Cause,
    long FramesIn,
    long FramesAnalysed,
    long FramesStill,
    long FramesDropped,
    long Restarts,
    string LastFrame,
    string VehiclesRead,
    string Picture);
