using System.Diagnostics.CodeAnalysis;

namespace AiChat.Core.Geo;

/// <summary>What one tool call gave: its tool_status outcome, the tool message for the model, its map and card events.</summary>
internal sealed class GeoToolResult
{
    private GeoToolResult(string? errorCode, int? resultCount, string contentForModel, IReadOnlyList<GeoEvent> events)
    {
        ErrorCode = errorCode;
        ResultCount = resultCount;
        ContentForModel = contentForModel;
        Events = events;
    }

    [MemberNotNullWhen(false, nameof(ErrorCode))]
    public bool Succeeded => ErrorCode is null;

    /// <summary>On failure, the tool_status error code (docs/geo-assistant.md#tool_status: timeout, quota_exceeded, no_result, provider_error, invalid_arguments, unknown_tool).</summary>
    public string? ErrorCode { get; }

    /// <summary>On success: places, suggestions, geocode results or places shown; 1 for weather.</summary>
    public int? ResultCount { get; }

    /// <summary>The tool message content (docs/geo-assistant.md#what-the-model-sees), the failure shape included.</summary>
    public string ContentForModel { get; }

    /// <summary>The map_action and geo_card events of this call, in order.</summary>
    public IReadOnlyList<GeoEvent> Events { get; }

    public static GeoToolResult Success(int resultCount, string contentForModel, IReadOnlyList<GeoEvent> events) =>
        new(null, resultCount, contentForModel, events);

    public static GeoToolResult Failure(string errorCode, string contentForModel, IReadOnlyList<GeoEvent> events) =>
        new(errorCode, null, contentForModel, events);
}
