namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// The declared name, element type and shape of a model input or output. A dimension of -1 is
/// dynamic (symbolic in the model); anything else must match exactly.
/// </summary>
public sealed record TensorMetadata(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    public int Rank => Shape.Count;

    public override string ToString() =>
        $"{Name}: {ElementType}[{string.Join(",", Shape)}]";
}
