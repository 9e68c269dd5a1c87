namespace AiChat.Core.Streaming;

/// <summary>What distinguishes /api/chat/stream from /api/chat/events: the body it reads, sessions, the geo tools and the wire format.</summary>
/// <param name="OffersGeoTools">Whether the geo assistant's tools take part, when they are enabled.</param>
internal sealed record StreamDialect(ChatBodyShape BodyShape, bool StartsSession, IChatStreamFormat<ChatStreamEvent?> Format, bool OffersGeoTools = false)
{
    /// <summary>POST /api/chat/stream: the Flask seed's body and events; a session only when named.</summary>
    public static readonly StreamDialect Flask = new(ChatBodyShape.Messages, StartsSession: false, FlaskStreamFormat.Instance);

    /// <summary>POST /api/chat/events: one message, typed events; without session_id a session starts.</summary>
    public static readonly StreamDialect TypedEvents = new(ChatBodyShape.Message, StartsSession: true, TypedEventFormat.Instance, OffersGeoTools: true);
}
