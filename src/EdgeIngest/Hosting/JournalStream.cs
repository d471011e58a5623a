namespace EdgeIngest.Hosting;

/// <summary>
/// Whether standard output is journald's stream. systemd sets <c>JOURNAL_STREAM</c> to
/// <c>device:inode</c> of the socket it connected; a process whose output was redirected
/// elsewhere may still inherit the variable, so the inode of fd 1 must match it too.
/// </summary>
internal static class JournalStream
{
    private const string StandardOutputLink = "/proc/self/fd/1";

    public static bool IsStandardOutput() =>
        Matches(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), StandardOutputTarget());

    /// <param name="journalStream">The variable's value, <c>device:inode</c>.</param>
    /// <param name="standardOutputTarget">Where fd 1 points, as Linux shows it: <c>socket:[inode]</c>.</param>
    internal static bool Matches(string? journalStream, string? standardOutputTarget)
    {
        if (string.IsNullOrEmpty(journalStream) || string.IsNullOrEmpty(standardOutputTarget))
        {
            return false;
        }

        var colon = journalStream.IndexOf(':', StringComparison.Ordinal);
        var open = standardOutputTarget.IndexOf('[', StringComparison.Ordinal);
        if (colon <= 0 || open < 0 || !standardOutputTarget.EndsWith(']'))
        {
            return false;
        }

        var inode = journalStream.AsSpan(colon + 1);
        var target = standardOutputTarget.AsSpan(open + 1, standardOutputTarget.Length - open - 2);
        return inode.Length > 0 && inode.SequenceEqual(target);
    }

    private static string? StandardOutputTarget()
    {
        try
        {
            return new FileInfo(StandardOutputLink).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
