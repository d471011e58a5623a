using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The console's few scripts (Hosting/scripts/*.js, embedded in the assembly), served at
/// <c>/scripts/{name}.js</c> to a session only. The pages work without them; the content policy
/// lets a page run scripts from here and nowhere else (no inline script).
/// </summary>
internal static class ConsoleScripts
{
    private static readonly Dictionary<string, byte[]> Scripts = Load();

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/scripts/{name}", (string name) =>
            Scripts.TryGetValue(name, out var script) ? Results.Bytes(script, "text/javascript; charset=utf-8") : Results.NotFound());

    private static Dictionary<string, byte[]> Load()
    {
        const string prefix = "scripts/";
        var assembly = typeof(ConsoleScripts).Assembly;
        var scripts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            scripts[name[prefix.Length..]] = copy.ToArray();
        }

        return scripts;
    }
}
