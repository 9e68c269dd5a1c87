namespace AiChat.Core.Configuration;

/// <summary>Settings checked at start-up: their data annotations, and a validator of their own when they have one.</summary>
internal static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> ValidateAtStart<TOptions>(this OptionsBuilder<TOptions> options)
        where TOptions : class =>
        options.ValidateDataAnnotations().ValidateOnStart();

    public static OptionsBuilder<TOptions> ValidateAtStart<TOptions, TValidator>(this OptionsBuilder<TOptions> options)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        options.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return options.ValidateAtStart();
    }
}
