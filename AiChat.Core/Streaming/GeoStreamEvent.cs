using AiChat.Core.Geo;

namespace AiChat.Core.Streaming;

/// <summary>A <c>map_action</c> or <c>geo_card</c> a tool call produced, passed through with its fields as given.</summary>
internal sealed record GeoStreamEvent(string MessageId, string? SessionId, GeoEvent Event) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => Event.Type;
}
