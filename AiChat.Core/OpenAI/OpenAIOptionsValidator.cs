namespace AiChat.Core.OpenAI;

/// <summary>Refuses client keys that are too short or that are the DashScope key; the messages never show a key.</summary>
internal sealed class OpenAIOptionsValidator(IOptions<AiChatOptions> aiChat) : SettingsValidator<OpenAIOptions>
{
    protected override void Check(OpenAIOptions options, List<string> failures)
    {
        var keys = options.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Length < OpenAIOptions.MinimumKeyLength)
            {
                failures.Add($"CLIENT_API_KEYS entry {i + 1} is shorter than {OpenAIOptions.MinimumKeyLength} characters.");
            }

            if (aiChat.Value.ApiKey is { Length: > 0 } dashScopeKey && keys[i] == dashScopeKey)
            {
                failures.Add($"CLIENT_API_KEYS entry {i + 1} is the DashScope key: give clients keys of their own.");
            }
        }
    }
}
