namespace EdgeIngest.Clips;

/// <summary>Where segments and clips go, and file-name-safe camera ids.</summary>
public static class ClipPaths
{
    private const string SharedMemory = "/dev/shm";

    /// <summary>RAM when the machine has /dev/shm (the ring is rewritten constantly), else the temp folder.</summary>
    public static string DefaultSegmentRoot =>
        System.IO.Directory.Exists(SharedMemory)
            ? Path.Combine(SharedMemory, "edgeingest")
            : Path.Combine(Path.GetTempPath(), "edgeingest", "segments");

    public static string DefaultClipDirectory => Path.Combine(Path.GetTempPath(), "edgeingest", "clips");

    public static string SegmentDirectory(ClipOptions options, string cameraId) =>
        Path.Combine(options.SegmentRoot ?? DefaultSegmentRoot, SafeName(cameraId));

    /// <summary>The camera id with anything but letters, digits, '-', '_' and '.' replaced, so it cannot leave its folder.</summary>
    public static string SafeName(string cameraId)
    {
        var safe = string.Create(cameraId.Length, cameraId, static (chars, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                var c = id[i];
                chars[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && i > 0) ? c : '_';
            }
        });
        return safe.Length == 0 ? "_" : safe;
    }
}
