namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// The last few error lines libmosquitto logged (OpenSSL's reasons for a TLS failure arrive only
/// this way), so a connect failure can say more than "TLS error".
/// </summary>
internal sealed class MosquittoErrorLog
{
    private const int Capacity = 4;
    private readonly Queue<string> _lines = new(Capacity);
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    /// <summary>Returns and forgets what was logged, as "; line; line" or empty.</summary>
    public string Drain()
    {
        lock (_gate)
        {
            var text = _lines.Count == 0 ? string.Empty : "; " + string.Join("; ", _lines);
            _lines.Clear();
            return text;
        }
    }
}
