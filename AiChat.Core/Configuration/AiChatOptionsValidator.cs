using AiChat.Core.Secrets;
using Microsoft.Extensions.Hosting;

namespace AiChat.Core.Configuration;

/// <summary>Refuses to start on configuration that could only fail later, with a message naming the setting.</summary>
internal sealed class AiChatOptionsValidator(IHostEnvironment? environment = null) : SettingsValidator<AiChatOptions>
{
    protected override void Check(AiChatOptions options, List<string> failures)
    {
        if (UpstreamBaseUrl.Validate("DASHSCOPE_BASE_URL", options.BaseUrl, example: null, environment, failures) is { } baseUrl)
        {
            var path = baseUrl.AbsolutePath.TrimEnd('/');
            if (!path.EndsWith(AiChatOptions.CompatibleModePath, StringComparison.OrdinalIgnoreCase) &&
                !path.EndsWith(AiChatOptions.NativePath, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"DASHSCOPE_BASE_URL must end with {AiChatOptions.CompatibleModePath} (OpenAI-compatible protocol) " +
                             $"or {AiChatOptions.NativePath} (native protocol); got '{options.BaseUrl}'.");
            }
        }

        if (options.KeyVaultUri is { Length: > 0 } && (!Uri.TryCreate(options.KeyVaultUri, UriKind.Absolute, out var vault) || vault.Scheme != "https"))
        {
            failures.Add($"KEY_VAULT_URI must be the vault's https URL, e.g. https://my-vault.vault.azure.net/; got '{options.KeyVaultUri}'.");
        }

        KeyVaultSecretName.Validate("DASHSCOPE_API_KEY_SECRET_NAME", options.KeyVaultSecretName, failures);

        foreach (var model in options.Models)
        {
            if (string.IsNullOrWhiteSpace(model.Id) || model.MaxTokens < 1)
            {
                failures.Add($"Every entry of Models needs an Id and a MaxTokens of at least 1; '{model.Id}' has MaxTokens {model.MaxTokens}.");
            }

            if (!ModelEndpoints.IsKnown(model.Endpoint))
            {
                failures.Add($"Models entry '{model.Id}': Endpoint must be {ModelEndpoints.Text} or {ModelEndpoints.Multimodal}; got '{model.Endpoint}'.");
            }

            if (!ThinkingModes.IsKnown(model.Thinking))
            {
                failures.Add($"Models entry '{model.Id}': Thinking must be {ThinkingModes.None}, {ThinkingModes.HybridOn}, {ThinkingModes.HybridOff} or {ThinkingModes.Only}; got '{model.Thinking}'.");
            }
            else if (!model.CanThink && (model.ThinkingNonStreaming || model.PreserveThinking))
            {
                failures.Add($"Models entry '{model.Id}': ThinkingNonStreaming and PreserveThinking need a model that thinks (Thinking is {ThinkingModes.None}).");
            }
        }

        if (options.FindModel(options.DefaultModel) is null)
        {
            failures.Add($"DASHSCOPE_MODEL '{options.DefaultModel}' is not in the model catalogue.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("MAX_REQUEST_BODY_BYTES must be at least 1024.");
        }

        if (options.MaxRequestMessages < 1)
        {
            failures.Add("MAX_REQUEST_MESSAGES must be at least 1.");
        }

        if (options.UpstreamTimeoutSeconds <= 0 || options.StreamIdleTimeoutSeconds <= 0)
        {
            failures.Add("UPSTREAM_TIMEOUT_SECONDS and STREAM_IDLE_TIMEOUT_SECONDS must be positive.");
        }

        if (!(options.StreamKeepAliveSeconds is >= 0 and <= 86400))
        {
            failures.Add("STREAM_KEEPALIVE_SECONDS must be between 0 (off) and 86400.");
        }
    }
}
