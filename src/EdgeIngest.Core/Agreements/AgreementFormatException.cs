namespace EdgeIngest.Agreements;

/// <summary>
/// An agreement payload that cannot be used; every problem names its field
/// (<c>retention_days.reads: '-1' — …</c>). An agreement that fails never replaces the one in force.
/// </summary>
public sealed class AgreementFormatException(string source, IReadOnlyList<string> problems)
    : Exception($"agreement {source} is not valid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
{
    public string Document { get; } = source;

    public IReadOnlyList<string> Problems { get; } = problems;
}
