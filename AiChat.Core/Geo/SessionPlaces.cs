using Microsoft.Extensions.Caching.Memory;

namespace AiChat.Core.Geo;

/// <summary>
/// The place registry of each session, forgotten when the session would be (unused for SESSION_TTL_MINUTES), so
/// show_on_map can name places found in an earlier turn. At most SESSION_MAX_COUNT registries (each at most
/// <see cref="PlaceRegistry.Capacity"/> places) are kept: past that the cache compacts, least recently used first, and
/// a session without a kept registry gets one for its turn alone.
/// </summary>
internal sealed class SessionPlaces(IOptions<SessionOptions> sessions) : IDisposable
{
    private readonly MemoryCache _registries = new(new MemoryCacheOptions { SizeLimit = sessions.Value.MaxCount });

    public PlaceRegistry For(string sessionId) =>
        _registries.GetOrCreate(sessionId, entry =>
        {
            entry.SlidingExpiration = sessions.Value.Ttl;
            entry.Size = 1;
            return new PlaceRegistry();
        })!;

    public void Dispose() => _registries.Dispose();
}
