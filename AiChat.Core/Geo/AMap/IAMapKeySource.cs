namespace AiChat.Core.Geo.AMap;

/// <summary>Where the AMap key comes from; asked on every request, so a rotated key is picked up.</summary>
internal interface IAMapKeySource
{
    /// <exception cref="AMapException">No key can be had now (provider_error).</exception>
    ValueTask<string> GetKeyAsync(CancellationToken cancellationToken);
}
