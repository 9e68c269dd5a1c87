using System.ComponentModel;

namespace AiChat.Core.OpenApi;

internal sealed record ClientContextRequest(
    [property: JsonPropertyName("map_crs"), Description("gcj02 (default) or wgs84: the CRS of map_action coordinates.")] string? MapCrs = null,
    [property: JsonPropertyName("location"), Description("The user's position; never shown to the model, only its district.")] ClientLocationRequest? Location = null);
