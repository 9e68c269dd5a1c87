namespace AiChat.Functions.Tests.Turns;

internal static class TurnRequests
{
    /// <summary>One user message as POST /api/chat/events sends it: a session starts when none is named, the geo assistant may take part.</summary>
    public static TurnRequest Events(string message, string? sessionId = null, string model = "qwen-plus") =>
        new(new ChatRequest(model, [new ChatMessage("user", message)]), sessionId) { StartsSession = true, OffersGeoTools = true };
}
