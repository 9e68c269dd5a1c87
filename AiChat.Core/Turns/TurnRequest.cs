using AiChat.Core.Geo;
using AiChat.Core.Limits;
using AiChat.Core.Sessions;

namespace AiChat.Core.Turns;

/// <summary>What one chat turn is asked to do; every chat surface describes its turn with one of these.</summary>
/// <param name="Request">The validated request: model, options, and the turn's new messages.</param>
/// <param name="SessionId">The session the turn continues, or null.</param>
internal sealed record TurnRequest(ChatRequest Request, string? SessionId = null)
{
    /// <summary>Without <see cref="SessionId"/>, whether the turn starts a session (typed events do, the other surfaces don't).</summary>
    public bool StartsSession { get; init; }

    /// <summary>Who the caller is, for its session (<see cref="SessionOwners"/>): a new session's owner, and who may continue one.</summary>
    public string SessionOwner { get; init; } = SessionOwners.Anonymous;

    /// <summary>Whether the geo assistant takes part when it is enabled and the model takes tools.</summary>
    public bool OffersGeoTools { get; init; }

    /// <summary>The map's CRS and the user's position for the geo assistant.</summary>
    public ClientContext? ClientContext { get; init; }

    /// <summary>
    /// Whether every upstream delta becomes a chunk event as it came (reasoning, tool-call fragments and finish
    /// reasons included), for a surface that passes the upstream's stream on; otherwise only text becomes chunks.
    /// </summary>
    public bool RelaysDeltas { get; init; }

    /// <summary>Where the tokens the turn spent are counted; null counts nothing.</summary>
    public Admission? Admission { get; init; }
}
