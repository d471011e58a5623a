namespace EdgeIngest.Configuration;

/// <summary>
/// Replaces a file whole or not at all: the content goes to a temporary name beside it, created
/// with its final mode (a secret is never readable by others, not even for a moment), is flushed to
/// disk, and is renamed over the old file. A crash leaves the old file or the new one, never half.
/// </summary>
public static class ReplacingFile
{
    public static void Write(string path, byte[] content, UnixFileMode mode)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = mode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The mode of the file being replaced, so an edit never widens who may read it.</summary>
    public static UnixFileMode ModeOf(string path, UnixFileMode whenNew) =>
        File.Exists(path) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(path) : whenNew;
}
