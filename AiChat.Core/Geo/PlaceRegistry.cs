namespace AiChat.Core.Geo;

/// <summary>
/// The places the tools returned in a session (or a turn), by id, for show_on_map: the newest
/// <see cref="Capacity"/> kept. Safe for the concurrent tool calls of one round.
/// </summary>
internal sealed class PlaceRegistry
{
    public const int Capacity = 200;

    private readonly Dictionary<string, LinkedListNode<RegisteredPlace>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<RegisteredPlace> _newestFirst = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    public void Remember(RegisteredPlace place)
    {
        lock (_lock)
        {
            if (_byId.Remove(place.Id, out var existing))
            {
                _newestFirst.Remove(existing);
            }

            _byId[place.Id] = _newestFirst.AddFirst(place);
            if (_byId.Count > Capacity)
            {
                _byId.Remove(_newestFirst.Last!.Value.Id);
                _newestFirst.RemoveLast();
            }
        }
    }

    public RegisteredPlace? Find(string id)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(id, out var node) ? node.Value : null;
        }
    }
}
