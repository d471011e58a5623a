namespace EdgeIngest.Footage;

/// <summary>
/// The agency's request for video, an <c>edgeingest.command/1</c> of type <c>footage.request</c>
/// (docs/footage.md). Its <see cref="CommandId"/> is the request id.
/// </summary>
public sealed record FootageRequestCommand(string Schema, string CommandId, string Type, FootageRequestSpec Footage)
{
    public const string CommandType = "footage.request";
}
