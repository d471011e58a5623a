namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The one stylesheet (Hosting/console.css, embedded), inlined into every page: no file route that
/// answers without a session, and nothing for a page to load after it arrives.
/// </summary>
internal static class ConsoleStyle
{
    public static string Css { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ConsoleStyle).Assembly.GetManifestResourceStream("console.css")
            ?? throw new InvalidOperationException("console.css is not embedded in the console's assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
