namespace EdgeIngest.Installation;

/// <summary>
/// Where the models live: <c>models/</c> under the installation root (setup fetches the PP-OCR
/// ones; ONNX Runtime itself comes with the build, from its NuGet package). The root is
/// <c>EDGEINGEST_HOME</c> when set (the <c>./edgeingest</c> script sets it), otherwise the nearest
/// folder above the executable that holds <c>deploy/setup.sh</c>, so tests and benchmarks find
/// them without configuration.
/// </summary>
public static class InstallLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string ModelsDirectory => Path.Combine(Root, "models");

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EDGEINGEST_HOME");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "setup.sh")))
            {
                return dir.FullName;
            }
        }

        // Installed without the source tree: everything sits beside the executable.
        return AppContext.BaseDirectory;
    }
}
