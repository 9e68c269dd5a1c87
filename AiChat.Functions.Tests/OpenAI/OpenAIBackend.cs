using AiChat.Functions.Tests.Support;

namespace AiChat.Functions.Tests.OpenAI;

/// <summary>An emulated backend with the OpenAI-compatible surface on: two client keys configured.</summary>
public abstract class OpenAIBackend : EmulatedBackend
{
    public const string ClientKey = "ck-test-first-2f9a61c0b7d84e35";

    public const string SecondClientKey = "ck-test-second-8d1e7b42a9c05f6e";

    /// <summary>The OpenAI SDKs' base URL for this host.</summary>
    public Uri V1 => new(Address, "/v1/");

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CLIENT_API_KEYS"] = $"{ClientKey}, {SecondClientKey}",
    };
}

public sealed class OpenAINativeBackend : OpenAIBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/api/v1";
}

public sealed class OpenAICompatibleModeBackend : OpenAIBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/compatible-mode/v1";
}

public sealed class OpenAINativeFunctionsBackend : OpenAIBackend
{
    public override HostKind Host => HostKind.Functions;

    public override string BasePath => "/api/v1";
}

public sealed class OpenAICompatibleModeFunctionsBackend : OpenAIBackend
{
    public override HostKind Host => HostKind.Functions;

    public override string BasePath => "/compatible-mode/v1";
}
