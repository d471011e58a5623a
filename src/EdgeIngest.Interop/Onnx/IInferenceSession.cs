namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// A loaded model that runs over caller-owned float buffers. Small on purpose: the stages see
/// neither ONNX Runtime's types nor its package (<see cref="InferenceSessions.Open"/> makes one).
/// One thread at a time.
/// </summary>
public interface IInferenceSession : IDisposable
{
    string ModelPath { get; }

    IReadOnlyList<TensorMetadata> Inputs { get; }

    IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>
    /// Runs the model. <paramref name="inputs"/> and <paramref name="outputs"/> are in the order of
    /// <see cref="Inputs"/> and <see cref="Outputs"/>; outputs must already have the shape the model
    /// produces (use <see cref="ProbeOutputShape"/> once to learn it), and are written in place.
    /// No allocation when the tensors and their shapes are the same as the previous run.
    /// </summary>
    void Run(ReadOnlySpan<PinnedTensor> inputs, ReadOnlySpan<PinnedTensor> outputs);

    /// <summary>
    /// Runs once with outputs the runtime allocates and returns the shape of output
    /// <paramref name="outputIndex"/>: for start-up, to size the output buffers later runs bind.
    /// </summary>
    long[] ProbeOutputShape(ReadOnlySpan<PinnedTensor> inputs, int outputIndex);
}
