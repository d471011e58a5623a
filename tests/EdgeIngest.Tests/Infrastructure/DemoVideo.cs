using System.Security.Cryptography;
using EdgeIngest.Installation;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// The demo clip, rendered once per script version (encoding costs CPU) into the git-ignored
/// <c>.test-artifacts/</c> folder and shared by every test.
/// </summary>
internal static class DemoVideo
{
    private static readonly Lazy<Task<string>> Rendered = new(RenderAsync);

    public static string ScriptPath => Path.Combine(InstallLayout.Root, "deploy", "demo", "make-demo-video.sh");

    public static Task<string> GetPathAsync() => Rendered.Value;

    private static async Task<string> RenderAsync()
    {
        var scriptHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(ScriptPath)))[..12];
        var path = Path.Combine(InstallLayout.Root, ".test-artifacts", $"demo-{scriptHash}.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        var result = await ProcessRunner.RunAsync("bash", [ScriptPath, path], TimeSpan.FromSeconds(120));
        if (result.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"make-demo-video.sh failed ({result.ExitCode}): {result.StandardError}");
        }

        return path;
    }
}
