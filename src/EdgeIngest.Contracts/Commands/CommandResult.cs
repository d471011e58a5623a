using System.Text.Json.Serialization;

namespace EdgeIngest.Commands;

/// <summary>
/// The answer to one command, <c>edgeingest.command-result/1</c>, published on
/// <c>{prefix}/{device}/command-results</c>. <see cref="Error"/> is null when <see cref="Ok"/>.
/// The same message answers every signed document the device received (hotlist, hotlist delta,
/// agreement, by topic or inbox file): then <see cref="CommandId"/> names the document
/// (<c>hotlist-v42-1a2b3c4d</c>), and <see cref="Document"/>, <see cref="Version"/> and, for a refusal,
/// <see cref="Reason"/> (a code: unsigned, forged, replay, …) are set. Those three fields are
/// optional additions: readers of the first version of this schema ignore them.
/// </summary>
public sealed record CommandResult(string Schema, string CommandId, string DeviceId, bool Ok, string? Error, DateTimeOffset At)
{
    public const string SchemaV1 = "edgeingest.command-result/1";

    /// <summary>For a signed document: <c>hotlist</c>, <c>hotlist-delta</c> or <c>agreement</c> (<c>unknown</c> when unreadable).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Document { get; init; }

    /// <summary>For a signed document: the version it carries, when it could be read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Version { get; init; }

    /// <summary>For a refused document: why, as a code (docs/events.md).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>For a signed document: the version in force after it was handled.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? InForceVersion { get; init; }
}
