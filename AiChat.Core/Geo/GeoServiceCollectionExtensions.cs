using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Geo;

public static class GeoServiceCollectionExtensions
{
    /// <summary>The geo assistant: its settings (validated at start-up), the AMap client and <see cref="IGeoTools"/>.</summary>
    public static IServiceCollection AddGeoTools(this IServiceCollection services)
    {
        services.AddOptions<GeoOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GeoOptions>, GeoOptionsValidator>();
        services.TryAddSingleton<IGeoTools, GeoTools>();
        return services;
    }
}
