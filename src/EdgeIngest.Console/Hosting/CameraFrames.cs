namespace EdgeIngest.WebConsole.Hosting;

/// <summary>Where a camera's latest frame is served.</summary>
internal static class CameraFrames
{
    /// <summary>The bare frame, without zone or detections drawn: what the zone editor draws on.</summary>
    public static string BareUrl(string cameraId) => $"/cameras/{Uri.EscapeDataString(cameraId)}/frame.jpg?overlay=none";
}
