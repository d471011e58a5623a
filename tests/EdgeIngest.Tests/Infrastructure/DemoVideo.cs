namespace EdgeIngest.Tests.Infrastructure;

/// <summary>The clips the tests play through the camera simulator (<see cref="RenderedClip"/>).</summary>
internal static class DemoVideo
{
    private static readonly RenderedClip Demo = new("make-demo-video.sh", "demo");

    private static readonly RenderedClip Parked = new("make-parked-scene.sh", "parked-scene");

    /// <summary>The demo clip: six cars crossing one after another.</summary>
    public static string ScriptPath => Demo.ScriptPath;

    public static Task<string> GetPathAsync() => Demo.GetPathAsync();

    /// <summary>A car parked for the whole clip with a small, soft plate, and three cars passing in front of it.</summary>
    public static string ParkedSceneScriptPath => Parked.ScriptPath;

    public static Task<string> GetParkedScenePathAsync() => Parked.GetPathAsync();
}
