using System.Collections.Concurrent;

namespace EdgeIngest.Cameras;

/// <summary>
/// FFMpegCore runs <c>BinaryFolder/ffprobe</c> itself, so ffprobe cannot be handed to
/// <see cref="ChildLauncher"/> like the ffmpegs. Instead FFMpegCore is pointed at a private
/// folder (created 0700, random name) holding an <c>ffprobe</c> script that execs the real one
/// under <c>setpriv --pdeathsig KILL</c>: the same pid all the way, and it dies with the service.
/// </summary>
internal static class SetprivFfprobe
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Folders = new(StringComparer.Ordinal);

    /// <summary>The folder to give FFMpegCore for <paramref name="ffprobePath"/>: the wrapper's, or the real one's where setpriv is missing.</summary>
    public static string BinaryFolderFor(string ffprobePath)
    {
        if (!ChildLauncher.DiesWithParent || !Path.IsPathFullyQualified(ffprobePath))
        {
            return Path.GetDirectoryName(ffprobePath) ?? string.Empty;
        }

        return Folders.GetOrAdd(ffprobePath, path => new Lazy<string>(() => CreateWrapper(path))).Value;
    }

    private static string CreateWrapper(string ffprobePath)
    {
        var folder = Directory.CreateTempSubdirectory("edgeingest-ffprobe-").FullName;
        var script = Path.Combine(folder, "ffprobe");
        var quoted = "'" + ffprobePath.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
        File.WriteAllText(script, $"#!/bin/sh\nexec {ChildLauncher.SetprivPath} --pdeathsig KILL -- {quoted} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder;
    }
}
