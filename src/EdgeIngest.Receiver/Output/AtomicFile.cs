namespace EdgeIngest.Receiving.Output;

/// <summary>
/// Files that are either absent or complete: written to a hidden temporary file beside the target,
/// flushed to disk, then renamed over it. A crash leaves at worst a stray <c>.*.tmp</c>, never a
/// half-written hit; this is what makes "the file exists" a safe de-duplication record.
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
    }

    /// <summary>Where a file being built in place (an assembling clip) lives until it is renamed.</summary>
    public static string TemporaryPathFor(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.tmp");
    }

    /// <summary>Appends one line and flushes it, for the append-only logs.</summary>
    public static void AppendLine(string path, ReadOnlySpan<byte> line)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(line);
        file.WriteByte((byte)'\n');
        file.Flush(flushToDisk: true);
    }
}
