namespace EdgeIngest.Commands;

/// <summary>
/// The answer to one command, <c>edgeingest.command-result/1</c>, published on
/// <c>{prefix}/{device}/command-results</c>. <see cref="Error"/> is null when <see cref="Ok"/>.
/// </summary>
public sealed record CommandResult(string Schema, string CommandId, string DeviceId, bool Ok, string? Error, DateTimeOffset At)
{
    public const string SchemaV1 = "edgeingest.command-result/1";
}
