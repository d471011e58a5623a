using System.Security.Cryptography;
using System.Text;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The one script (Hosting/console.js, embedded), inlined at the end of every page like the
/// stylesheet. The content policy allows exactly this script by its SHA-256 and no other.
/// </summary>
internal static class ConsoleScript
{
    public static string Js { get; } = Load();

    /// <summary>The script's source in the form a content policy names it: <c>'sha256-…'</c>.</summary>
    public static string PolicySource { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Js)))}'";

    private static string Load()
    {
        using var stream = typeof(ConsoleScript).Assembly.GetManifestResourceStream("console.js")
            ?? throw new InvalidOperationException("console.js is not embedded in the console's assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
