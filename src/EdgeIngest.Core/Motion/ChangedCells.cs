using System.Numerics;
using System.Runtime.InteropServices;

namespace EdgeIngest.Motion;

/// <summary>
/// Counts the cells of two luma grids that differ by more than a threshold: the gate's per-frame
/// comparison. <see cref="Vector{T}"/> compares 32 bytes at a time with AVX2, 16 with SSE2 or
/// NEON: |a − b| is the OR of the two saturating differences (one of them is 0), the compare gives
/// 0xFF (−1) per changed lane, and subtracting that adds 1 to the lane's byte counter. The byte
/// counters are widened into the total every 255 steps, before they could wrap. The scalar loop
/// takes the tail, and everything on a machine without vector hardware.
/// </summary>
internal static class ChangedCells
{
    private const int StepsPerWiden = byte.MaxValue;

    public static int Count(ReadOnlySpan<byte> current, ReadOnlySpan<byte> reference, byte threshold)
    {
        if (current.Length != reference.Length)
        {
            throw new ArgumentException($"grids of {current.Length} and {reference.Length} cells cannot be compared", nameof(reference));
        }

        var i = 0;
        var changed = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var a = ref MemoryMarshal.GetReference(current);
            ref var b = ref MemoryMarshal.GetReference(reference);
            var limit = new Vector<byte>(threshold);
            var lastStart = current.Length - Vector<byte>.Count;
            while (i <= lastStart)
            {
                var counters = Vector<byte>.Zero;
                for (var step = 0; step < StepsPerWiden && i <= lastStart; step++, i += Vector<byte>.Count)
                {
                    var x = Vector.LoadUnsafe(ref a, (nuint)i);
                    var y = Vector.LoadUnsafe(ref b, (nuint)i);
                    var difference = Vector.SubtractSaturate(x, y) | Vector.SubtractSaturate(y, x);
                    counters -= Vector.GreaterThan(difference, limit);
                }

                // At most 2 × 255 per 16-bit lane, and at most 16 lanes: the sum fits its ushort.
                Vector.Widen(counters, out var low, out var high);
                changed += Vector.Sum(low + high);
            }
        }

        for (; i < current.Length; i++)
        {
            var x = current[i];
            var y = reference[i];
            if ((x > y ? x - y : y - x) > threshold)
            {
                changed++;
            }
        }

        return changed;
    }
}
