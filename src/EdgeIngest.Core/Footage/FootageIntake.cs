namespace EdgeIngest.Footage;

/// <summary>What became of a <c>footage.request</c> command: taken (with a summary for the log) or refused with the reason the agency is told.</summary>
internal readonly record struct FootageIntake(bool Ok, string Message)
{
    public static FootageIntake Accepted(string summary) => new(true, summary);

    public static FootageIntake Refused(string reason) => new(false, reason);
}
