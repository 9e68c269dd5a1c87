using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiChat.Core.Configuration;

/// <summary>Settings checked at start-up, by validators registered here rather than found by reflection, so the native self-host keeps them.</summary>
internal static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> ValidateAtStart<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this OptionsBuilder<TOptions> options)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        options.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        options.Services.AddClosedOptionsTypes<TOptions>();
        return options.ValidateOnStart();
    }

    /// <summary>
    /// The options services for <typeparamref name="TOptions"/> registered as closed types, where the framework
    /// registers open generics. The native build compiles only the generic types its code names; the container closes
    /// the open ones at start-up, and building such a type natively costs about a millisecond. Named here, the
    /// start-up validation of AiChat's settings and the first request's CORS policy build none: less from process
    /// start to the first /health (docs/performance.md). Same lifetimes and values as the framework's registrations;
    /// IOptions reads the monitor's instance instead of making a second one.
    /// </summary>
    public static void AddClosedOptionsTypes<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IServiceCollection services)
        where TOptions : class
    {
        services.TryAddTransient<IOptionsFactory<TOptions>, OptionsFactory<TOptions>>();
        services.TryAddSingleton<IOptionsMonitorCache<TOptions>, OptionsCache<TOptions>>();
        services.TryAddSingleton<IOptionsMonitor<TOptions>, OptionsMonitor<TOptions>>();
        services.TryAddSingleton(provider => Options.Create(provider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
    }
}
