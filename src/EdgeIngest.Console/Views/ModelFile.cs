using System.Globalization;

namespace EdgeIngest.WebConsole.Views;

/// <summary>A model or keys file the recogniser uses: its name, what it is for, and its size (null when missing).</summary>
internal sealed record ModelFile(string Path, string Role, long? Bytes)
{
    public string Size => Bytes switch
    {
        null => "MISSING",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Bytes / 1024.0 / 1024.0:0.0} MB"),
    };
}
