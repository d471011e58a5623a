namespace EdgeIngest.Configuration;

/// <summary>
/// The service rewrites its own configuration file from two places (the console's camera changes
/// and an uploaded enrollment bundle). Each reads the file, edits its tree and renames a new file
/// over it; done at once, one would silently undo the other. Every such rewrite holds this lock.
/// </summary>
public static class ConfigFileWrites
{
    public static Lock Gate { get; } = new();
}
