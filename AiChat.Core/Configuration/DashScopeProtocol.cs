namespace AiChat.Core.Configuration;

/// <summary>The two wire protocols DashScope serves on every host.</summary>
internal enum DashScopeProtocol
{
    /// <summary><c>{host}/compatible-mode/v1</c>: OpenAI's chat completions shape.</summary>
    CompatibleMode,

    /// <summary><c>{host}/api/v1</c>: DashScope's own text-generation service.</summary>
    Native,
}
