using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeIngest.Motion;

/// <summary>
/// Counts the cells of two luma grids that differ by more than a threshold: the gate's per-frame
/// comparison. Bytes compare 32 (AVX2) or 16 (SSE2/NEON) at a time: |a − b| is the OR of the two
/// saturating differences (one of them is 0), the compare gives 0xFF per changed lane, and the
/// lanes' top bits popcount into the total. The scalar loop takes the tail, and everything on a
/// machine without vector hardware.
/// </summary>
internal static class ChangedCells
{
    public static int Count(ReadOnlySpan<byte> current, ReadOnlySpan<byte> reference, byte threshold)
    {
        if (current.Length != reference.Length)
        {
            throw new ArgumentException($"grids of {current.Length} and {reference.Length} cells cannot be compared", nameof(reference));
        }

        ref var a = ref MemoryMarshal.GetReference(current);
        ref var b = ref MemoryMarshal.GetReference(reference);
        var length = (nuint)current.Length;
        nuint i = 0;
        var changed = 0;
        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<byte>.Count)
        {
            var limit = Vector256.Create(threshold);
            for (; i <= length - (nuint)Vector256<byte>.Count; i += (nuint)Vector256<byte>.Count)
            {
                var x = Vector256.LoadUnsafe(ref a, i);
                var y = Vector256.LoadUnsafe(ref b, i);
                var difference = Vector256.SubtractSaturate(x, y) | Vector256.SubtractSaturate(y, x);
                changed += BitOperations.PopCount(Vector256.GreaterThan(difference, limit).ExtractMostSignificantBits());
            }
        }

        if (Vector128.IsHardwareAccelerated && length - i >= (nuint)Vector128<byte>.Count)
        {
            var limit = Vector128.Create(threshold);
            for (; i <= length - (nuint)Vector128<byte>.Count; i += (nuint)Vector128<byte>.Count)
            {
                var x = Vector128.LoadUnsafe(ref a, i);
                var y = Vector128.LoadUnsafe(ref b, i);
                var difference = Vector128.SubtractSaturate(x, y) | Vector128.SubtractSaturate(y, x);
                changed += BitOperations.PopCount(Vector128.GreaterThan(difference, limit).ExtractMostSignificantBits());
            }
        }

        for (; i < length; i++)
        {
            var x = current[(int)i];
            var y = reference[(int)i];
            if ((x > y ? x - y : y - x) > threshold)
            {
                changed++;
            }
        }

        return changed;
    }
}
