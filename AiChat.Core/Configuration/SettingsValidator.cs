namespace AiChat.Core.Configuration;

/// <summary>
/// Refuses to start on settings that could only fail later: every broken rule is collected, each as a message naming
/// the setting, and start-up fails with all of them at once.
/// </summary>
internal abstract class SettingsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        List<string> failures = [];
        Check(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds a message to <paramref name="failures"/> for each rule <paramref name="options"/> breaks.</summary>
    protected abstract void Check(TOptions options, List<string> failures);
}
