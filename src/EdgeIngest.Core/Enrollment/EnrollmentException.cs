namespace EdgeIngest.Enrollment;

/// <summary>
/// An enrollment bundle, or an input to one, that cannot be used. Every problem names the field
/// (<c>device_certificate: expired on …</c>); nothing has been written when this is thrown.
/// </summary>
public sealed class EnrollmentException(string source, IReadOnlyList<string> problems)
    : Exception(problems.Count == 1
        ? $"{source}: {problems[0]}"
        : $"{source} has {problems.Count} problems:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
{
    public string Input { get; } = source;

    public IReadOnlyList<string> Problems { get; } = problems;
}
