using AiChat.Core.Geo.AMap;
using AiChat.Core.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiChat.Core.Geo;

internal static class GeoServiceCollectionExtensions
{
    /// <summary>The geo assistant: its settings (validated at start-up), the AMap client, its tools (offered in this order) and <see cref="IGeoTools"/>.</summary>
    public static IServiceCollection AddGeoTools(this IServiceCollection services)
    {
        services.AddOptions<GeoOptions>().BindConfiguration(string.Empty).ValidateAtStart<GeoOptions, GeoOptionsValidator>();
        services.AddOptions<SessionOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddKeyVaultSecretClient();
        services.TryAddSingleton<IAMapKeySource>(provider => provider.GetRequiredService<IOptions<GeoOptions>>().Value.KeyVaultUri is { Length: > 0 }
            ? ActivatorUtilities.CreateInstance<KeyVaultAMapKeySource>(provider)
            : ActivatorUtilities.CreateInstance<ConfiguredAMapKeySource>(provider));
        services.AddKeyedSingleton(AMapHttpClient.ServiceKey, (provider, _) => AMapHttpClient.Create(provider.GetRequiredService<IAMapKeySource>()));
        services.TryAddSingleton(provider => new AMapClient(
            provider.GetRequiredKeyedService<HttpClient>(AMapHttpClient.ServiceKey),
            provider.GetRequiredService<IOptions<GeoOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AMapClient>>()));
        services.TryAddSingleton<SessionPlaces>();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<GeoTool, WeatherTool>(),
            ServiceDescriptor.Singleton<GeoTool, PlaceSearchTool>(),
            ServiceDescriptor.Singleton<GeoTool, SuggestPlacesTool>(),
            ServiceDescriptor.Singleton<GeoTool, GeocodeTool>(),
            ServiceDescriptor.Singleton<GeoTool, ShowOnMapTool>(),
        ]);
        services.TryAddSingleton<IGeoTools, GeoTools>();
        return services;
    }
}
