using EdgeIngest.Interop.Onnx.Handles;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// The native value wrapping one <see cref="PinnedTensor"/> for one input or output position,
/// kept across runs and recreated only when a different tensor or a new shape arrives.
/// </summary>
internal sealed class TensorBinding : IDisposable
{
    private PinnedTensor? tensor;
    private int shapeVersion;
    private OrtValueHandle? value;

    public unsafe nint Bind(PinnedTensor candidate, OrtMemoryInfoHandle memoryInfo)
    {
        if (value is not null && ReferenceEquals(candidate, tensor) && candidate.ShapeVersion == shapeVersion)
        {
            return value.DangerousGetHandle();
        }

        value?.Dispose();
        value = null;
        var created = OrtNative.CreateTensorWithData(
            memoryInfo.DangerousGetHandle(),
            candidate.Pointer,
            (long)candidate.ElementCount * sizeof(float),
            candidate.Shape,
            TensorElementType.Float);
        value = new OrtValueHandle(created);
        tensor = candidate;
        shapeVersion = candidate.ShapeVersion;
        return created;
    }

    public void Dispose()
    {
        value?.Dispose();
        value = null;
        tensor = null;
    }
}
