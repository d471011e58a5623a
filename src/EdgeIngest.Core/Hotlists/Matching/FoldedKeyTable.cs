using System.Numerics;

namespace EdgeIngest.Hotlists.Matching;

/// <summary>
/// A read-only hash table from a <see cref="FoldedKey"/> to a small number (the key's group in
/// <see cref="PlateIndex"/>): open addressing, linear probing, at most half full. Two flat arrays
/// and no objects per key, so a million keys cost 24 MB and a lookup one or two cache lines. Key 0
/// marks an empty slot (<see cref="FoldedKey"/> never produces it).
/// </summary>
internal sealed class FoldedKeyTable
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;

    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;
    private readonly int _shift;

    /// <summary>A table where <paramref name="distinctKeys"/>[i] finds i.</summary>
    public FoldedKeyTable(ReadOnlySpan<ulong> distinctKeys)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, distinctKeys.Length * 2));
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
        for (var i = 0; i < distinctKeys.Length; i++)
        {
            var slot = SlotOf(distinctKeys[i]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = distinctKeys[i];
            _values[slot] = i;
        }
    }

    /// <summary>The bytes the table holds.</summary>
    public long Bytes => (_keys.LongLength * sizeof(ulong)) + (_values.LongLength * sizeof(int));

    /// <summary>The number stored with <paramref name="key"/>, or -1.</summary>
    public int Find(ulong key)
    {
        var slot = SlotOf(key);
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return _values[slot];
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int SlotOf(ulong key) => (int)((key * Fibonacci) >> _shift);
}
