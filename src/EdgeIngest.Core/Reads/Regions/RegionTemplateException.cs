namespace EdgeIngest.Reads.Regions;

/// <summary>A region template file that cannot be used; the message names the file, the line and the problem.</summary>
public sealed class RegionTemplateException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}: line {line}: {problem}" : $"{file}: {problem}")
{
    /// <summary>The template file.</summary>
    public string File { get; } = file;

    /// <summary>1-based line in <see cref="File"/>; 0 when the problem is the file as a whole.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; } = problem;
}
