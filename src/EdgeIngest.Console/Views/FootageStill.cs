namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// One preview picture of a request: which camera, which point of the window (start, middle, end),
/// the moment in full (<see cref="At"/>) and as the clock shows it (<see cref="Clock"/>), and its address.
/// </summary>
internal sealed record FootageStill(string CameraId, string Point, string At, string Clock, string Url);
