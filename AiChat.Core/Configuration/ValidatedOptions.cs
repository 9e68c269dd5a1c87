using System.Diagnostics.CodeAnalysis;

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
        return options.ValidateOnStart();
    }
}
