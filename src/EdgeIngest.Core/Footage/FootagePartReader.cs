using System.Security.Cryptography;

namespace EdgeIngest.Footage;

/// <summary>Reads a part's bytes from its segment files, and hashes them.</summary>
internal static class FootagePartReader
{
    /// <summary>The part's bytes, or null and <paramref name="problem"/> when a segment file is gone or shorter than it was.</summary>
    public static byte[]? Read(IReadOnlyList<FootageSlice> slices, out string? problem)
    {
        problem = null;
        var bytes = new byte[slices.Sum(s => s.Length)];
        var at = 0;
        foreach (var slice in slices)
        {
            try
            {
                using var file = new FileStream(slice.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                file.Seek(slice.Offset, SeekOrigin.Begin);
                var read = file.ReadAtLeast(bytes.AsSpan(at, (int)slice.Length), (int)slice.Length, throwOnEndOfStream: false);
                if (read < slice.Length)
                {
                    problem = $"the segment file '{slice.Path}' is shorter than when the footage was planned ({slice.Offset + read} of {slice.Offset + slice.Length} bytes)";
                    return null;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = e is FileNotFoundException or DirectoryNotFoundException
                    ? $"the segment file '{slice.Path}' is gone (purged before it could be sent)"
                    : $"the segment file '{slice.Path}' cannot be read: {e.Message}";
                return null;
            }

            at += (int)slice.Length;
        }

        return bytes;
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
