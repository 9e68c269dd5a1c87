using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Geo;

/// <summary>The geo tools over AMap. (Seam stub: every call fails with provider_error until the AMap client lands.)</summary>
internal sealed class GeoTools(IOptions<GeoOptions> options) : IGeoTools
{
    public bool IsEnabled => options.Value.IsEnabled;

    public IReadOnlyList<GeoToolDeclaration> Declarations => GeoToolDeclarations.All;

    public Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken) =>
        Task.FromResult(new GeoTurn(clientContext?.MapCrs ?? GeoCrs.Gcj02, userPosition: null, locationNote: null, new PlaceRegistry()));

    public Task<GeoToolResult> InvokeAsync(GeoTurn turn, GeoToolCall toolCall, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = "provider_error", ["message"] = "地图服务暂时不可用" });
        return Task.FromResult(new GeoToolResult(false, "provider_error", null, content, []));
    }
}
