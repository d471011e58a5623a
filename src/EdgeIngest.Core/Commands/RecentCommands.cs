using System.Diagnostics.CodeAnalysis;

namespace EdgeIngest.Commands;

/// <summary>
/// The last few command ids and their answers. MQTT QoS 1 delivers at least once, so the same
/// command can arrive again; it must be answered again but not applied again. Bounded: the oldest
/// id is forgotten first.
/// </summary>
internal sealed class RecentCommands(int capacity)
{
    private readonly Dictionary<string, RememberedCommand> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();

    public bool TryGet(string commandId, [NotNullWhen(true)] out RememberedCommand? remembered) =>
        _byId.TryGetValue(commandId, out remembered);

    public void Add(string commandId, RememberedCommand remembered)
    {
        if (!_byId.TryAdd(commandId, remembered))
        {
            return;
        }

        _oldestFirst.Enqueue(commandId);
        while (_oldestFirst.Count > capacity)
        {
            _byId.Remove(_oldestFirst.Dequeue());
        }
    }
}
