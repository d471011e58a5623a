namespace EdgeIngest.Commands;

/// <summary>The <c>type</c> values of <c>edgeingest.command/1</c> this device understands.</summary>
public static class CommandTypes
{
    public const string Ping = "ping";

    public const string HotlistReplace = "hotlist.replace";

    /// <summary>The agency asks for video of a window (docs/footage.md); the owner answers.</summary>
    public const string FootageRequest = "footage.request";

    public const string Expected = $"expected {Ping}, {HotlistReplace} or {FootageRequest}";
}
