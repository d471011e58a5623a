namespace EdgeIngest.Commands;

/// <summary>The <c>type</c> values of <c>edgeingest.command/1</c> this device understands.</summary>
public static class CommandTypes
{
    public const string Ping = "ping";

    public const string HotlistReplace = "hotlist.replace";

    public const string Expected = $"expected {Ping} or {HotlistReplace}";
}
