namespace EdgeIngest.WebConsole.Views;

/// <summary>A model or keys file the recogniser uses: its name, what it is for, and its size (null when missing).</summary>
internal sealed record ModelFile(string Path, string Role, long? Bytes);
