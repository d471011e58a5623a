namespace EdgeIngest.Interop.Onnx;

/// <summary>How a session runs. Defaults suit a small edge box that shares its cores with video decode.</summary>
public sealed record InferenceSessionOptions
{
    /// <summary>Threads one inference may use; 2 halves detector latency here compared with 1.</summary>
    public int IntraOpThreads { get; init; } = 2;

    /// <summary>Constant folding and node fusions; only worth turning off to debug a model.</summary>
    public bool OptimizeGraph { get; init; } = true;
}
