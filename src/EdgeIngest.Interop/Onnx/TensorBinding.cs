using Microsoft.ML.OnnxRuntime;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// The ORT value over one <see cref="PinnedTensor"/> for one input or output position, kept
/// across runs and recreated only when a different tensor or a new shape arrives. The value
/// wraps the tensor's memory without copying; the tensor's buffer is pinned for its whole life.
/// </summary>
internal sealed class TensorBinding : IDisposable
{
    private PinnedTensor? tensor;
    private int shapeVersion;
    private OrtValue? value;

    /// <summary>The value of the last <see cref="Update"/>.</summary>
    public OrtValue Value => value ?? throw new InvalidOperationException("no tensor bound yet");

    /// <summary>
    /// Wraps <paramref name="candidate"/> unless it is already wrapped with its current shape.
    /// Returns whether <see cref="Value"/> changed (and so must be bound again).
    /// </summary>
    public bool Update(PinnedTensor candidate)
    {
        if (value is not null && ReferenceEquals(candidate, tensor) && candidate.ShapeVersion == shapeVersion)
        {
            return false;
        }

        var created = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, candidate.Memory, candidate.Shape.ToArray());
        value?.Dispose();
        value = created;
        tensor = candidate;
        shapeVersion = candidate.ShapeVersion;
        return true;
    }

    public void Dispose()
    {
        value?.Dispose();
        value = null;
        tensor = null;
    }
}
