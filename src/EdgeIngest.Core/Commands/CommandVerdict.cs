namespace EdgeIngest.Commands;

/// <summary>How one command type's handler ended: a summary for the log, or the reason it refused.</summary>
internal readonly record struct CommandVerdict(string? Summary, string? Error)
{
    public bool Ok => Error is null;

    public static CommandVerdict Done(string summary) => new(summary, null);

    public static CommandVerdict Refused(string error) => new(null, error);
}
