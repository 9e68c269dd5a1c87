namespace AiChat.Core.Geo.AMap;

/// <summary>The key from AMAP_API_KEY.</summary>
internal sealed class ConfiguredAMapKeySource(IOptions<GeoOptions> options) : IAMapKeySource
{
    public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) => options.Value switch
    {
        { ApiKey: { Length: > 0 } key } => ValueTask.FromResult(key),
        _ => ValueTask.FromException<string>(new AMapException(AMapErrorCodes.ProviderError, null, "AMAP_API_KEY is not set, so the geo tools cannot reach AMap.")),
    };
}
