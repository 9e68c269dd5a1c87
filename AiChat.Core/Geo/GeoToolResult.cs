namespace AiChat.Core.Geo;

/// <summary>What one tool call gave.</summary>
/// <param name="Succeeded">succeeded or failed, for tool_status.</param>
/// <param name="ErrorCode">On failure, the tool_status error code (docs/geo-assistant.md#tool_status: timeout, quota_exceeded, no_result, provider_error, invalid_arguments).</param>
/// <param name="ResultCount">On success: places, suggestions, geocode results or places shown; 1 for weather.</param>
/// <param name="ContentForModel">The tool message content (docs/geo-assistant.md#what-the-model-sees), the failure shape included.</param>
/// <param name="Events">The map_action and geo_card events of this call, in order.</param>
internal sealed record GeoToolResult(bool Succeeded, string? ErrorCode, int? ResultCount, string ContentForModel, IReadOnlyList<GeoEvent> Events);
