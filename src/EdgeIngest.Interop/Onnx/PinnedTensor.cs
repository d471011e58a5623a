namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// A float tensor over a buffer allocated once, pinned, at its largest size. Its shape can change
/// within that capacity (a detector input follows the frame size) without reallocating; sessions
/// wrap it as a native value without copying and re-wrap only when the shape changes.
/// </summary>
public sealed class PinnedTensor
{
    private const int MaxRank = 8;

    private readonly float[] buffer;
    private readonly long[] shape = new long[MaxRank];
    private int rank;

    public PinnedTensor(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        buffer = GC.AllocateArray<float>(capacity, pinned: true);
    }

    public PinnedTensor(params ReadOnlySpan<long> shape)
        : this(checked((int)ElementCountOf(shape)))
    {
        Reshape(shape);
    }

    public int Capacity => buffer.Length;

    public int ElementCount { get; private set; }

    /// <summary>Changes each time the shape changes, so a cached native value knows it is stale.</summary>
    public int ShapeVersion { get; private set; }

    public ReadOnlySpan<long> Shape => shape.AsSpan(0, rank);

    /// <summary>The elements in row-major order for the current shape.</summary>
    public Span<float> Span => buffer.AsSpan(0, ElementCount);

    /// <summary>The elements for the current shape, as the memory an ORT value wraps without copying.</summary>
    internal Memory<float> Memory => buffer.AsMemory(0, ElementCount);

    public void Reshape(params ReadOnlySpan<long> dims)
    {
        if (dims.Length is 0 or > MaxRank)
        {
            throw new ArgumentOutOfRangeException(nameof(dims), $"rank must be 1..{MaxRank}");
        }

        if (dims.SequenceEqual(Shape))
        {
            return;
        }

        var count = ElementCountOf(dims);
        if (count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dims), $"shape [{string.Join(",", dims.ToArray())}] needs {count} elements; capacity is {buffer.Length}");
        }

        dims.CopyTo(shape);
        rank = dims.Length;
        ElementCount = (int)count;
        ShapeVersion++;
    }

    private static long ElementCountOf(ReadOnlySpan<long> dims)
    {
        long count = 1;
        foreach (var d in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d, nameof(dims));
            count = checked(count * d);
        }

        return count;
    }
}
