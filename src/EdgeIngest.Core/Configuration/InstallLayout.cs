namespace EdgeIngest.Configuration;

/// <summary>
/// Where the files that setup fetches live: <c>native/linux-x64/</c> (ONNX Runtime) and
/// <c>models/</c>, both under the installation root. The root is <c>EDGEINGEST_HOME</c> when set
/// (the <c>./edgeingest</c> script sets it), otherwise the nearest folder above the executable
/// that holds <c>deploy/setup.sh</c>, so tests and benchmarks find them without configuration.
/// </summary>
public static class InstallLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string ModelsDirectory => Path.Combine(Root, "models");

    public static string NativeDirectory => Path.Combine(Root, "native", "linux-x64");

    public static string OnnxRuntimeLibrary => Path.Combine(NativeDirectory, "libonnxruntime.so.1");

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
