namespace EdgeIngest.Interop.Onnx;

/// <summary>How a session runs. Defaults suit a small edge box that shares its cores with video decode.</summary>
public sealed record InferenceSessionOptions
{
    /// <summary>Threads one inference may use; 2 halves detector latency here compared with 1.</summary>
    public int IntraOpThreads { get; init; } = 2;

    /// <summary>
    /// Whether a session's worker threads spin after a run, waiting for the next. Off: a frame runs
    /// three models one after the other (finder, refiner, recogniser), each in its own session, and
    /// on 2 cores the threads of the session that just finished spun on the cores the next one
    /// needed.
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>Constant folding and node fusions; only worth turning off to debug a model.</summary>
    public bool OptimizeGraph { get; init; } = true;
}
