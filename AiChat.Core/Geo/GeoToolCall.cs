namespace AiChat.Core.Geo;

/// <summary>One call the model made: its id, the tool's name, and the arguments as the (normalized) JSON string.</summary>
internal sealed record GeoToolCall(string CallId, string Name, string ArgumentsJson);
