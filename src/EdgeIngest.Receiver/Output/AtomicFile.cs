namespace EdgeIngest.Receiving.Output;

/// <summary>
/// Files that are either absent or complete: written to a hidden temporary file beside the target,
/// flushed to disk, then renamed over it. A crash leaves at worst a stray <c>.*.tmp</c>, never a
/// half-written hit; this is what makes "the file exists" a safe de-duplication record. The folder
/// is flushed after a rename and after a file or folder is created: until then the new name lives
/// only in memory, and a power cut could lose a file the agency already confirmed to the device.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> contents)
    {
        var temporary = TemporaryPathFor(path);
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(contents);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Renames a file built in place (e.g. an assembled clip) and makes the new name durable.</summary>
    public static void Move(string from, string to)
    {
        File.Move(from, to, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
    }

    /// <summary>Where a file being built in place (an assembling clip) lives until it is renamed.</summary>
    public static string TemporaryPathFor(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.tmp");
    }

    /// <summary>Appends one line and flushes it, for the append-only logs.</summary>
    public static void AppendLine(string path, ReadOnlySpan<byte> line)
    {
        var directory = Path.GetDirectoryName(path)!;
        CreateDirectory(directory);
        var created = !File.Exists(path);
        using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            file.Write(line);
            file.WriteByte((byte)'\n');
            file.Flush(flushToDisk: true);
        }

        if (created)
        {
            FlushDirectory(directory);
        }
    }

    /// <summary>Creates a folder (and its parents) so that it survives a power cut: each new level is flushed in its parent.</summary>
    public static void CreateDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full))
        {
            return;
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null)
        {
            CreateDirectory(parent);
        }

        Directory.CreateDirectory(full);
        if (parent is not null)
        {
            FlushDirectory(parent);
        }
    }

    /// <summary>fsync on the folder itself, which is what makes a rename or a new entry in it durable (Linux; elsewhere a no-op).</summary>
    public static void FlushDirectory(string directory) => Hotlists.DirectorySync.Flush(directory);
}
