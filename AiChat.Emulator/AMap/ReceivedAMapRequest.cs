namespace AiChat.Emulator.AMap;

/// <summary>One request the AMap emulator received: its path and its query with the key's value replaced by <c>*</c>.</summary>
/// <param name="HadKey">Whether the request carried a non-empty key.</param>
public sealed record ReceivedAMapRequest(string Path, string RedactedQuery, bool HadKey, IReadOnlyDictionary<string, string> Parameters);
