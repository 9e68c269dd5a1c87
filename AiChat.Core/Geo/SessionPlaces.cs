using AiChat.Core.Configuration;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Geo;

/// <summary>
/// The place registry of each session, forgotten when the session would be (unused for SESSION_TTL_MINUTES), so
/// show_on_map can name places found in an earlier turn.
/// </summary>
internal sealed class SessionPlaces(IOptions<SessionOptions> sessions) : IDisposable
{
    private readonly MemoryCache _registries = new(new MemoryCacheOptions());

    public PlaceRegistry For(string sessionId) =>
        _registries.GetOrCreate(sessionId, entry =>
        {
            entry.SlidingExpiration = sessions.Value.Ttl;
            return new PlaceRegistry();
        })!;

    public void Dispose() => _registries.Dispose();
}
