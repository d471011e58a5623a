using System.Security.Cryptography;
using EdgeIngest.Installation;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// A clip rendered by one of the deploy/demo scripts, once per script version (encoding costs
/// CPU), into the git-ignored <c>.test-artifacts/</c> folder and shared by every test.
/// </summary>
internal sealed class RenderedClip(string scriptName, string name)
{
    private readonly Lazy<Task<string>> _rendered = new(() => RenderAsync(scriptName, name));

    public string ScriptPath { get; } = Path.Combine(InstallLayout.Root, "deploy", "demo", scriptName);

    public Task<string> GetPathAsync() => _rendered.Value;

    private static async Task<string> RenderAsync(string scriptName, string name)
    {
        var script = Path.Combine(InstallLayout.Root, "deploy", "demo", scriptName);

        // The script and the parts it sources: a change to either renders the clip again.
        var parts = Path.Combine(InstallLayout.Root, "deploy", "demo", "clip-parts.sh");
        byte[] sources = [.. await File.ReadAllBytesAsync(script), .. await File.ReadAllBytesAsync(parts)];
        var scriptHash = Convert.ToHexStringLower(SHA256.HashData(sources))[..12];
        var path = Path.Combine(InstallLayout.Root, ".test-artifacts", $"{name}-{scriptHash}.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        var result = await ProcessRunner.RunAsync("bash", [script, path], TimeSpan.FromSeconds(120));
        if (result.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"{scriptName} failed ({result.ExitCode}): {result.StandardError}");
        }

        return path;
    }
}
