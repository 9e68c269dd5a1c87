namespace AiChat.Core.Configuration;

/// <summary>
/// The catalogue served when configuration names no models: the seed's four, the later text models, and today's
/// multimodal, thinking ones, with their capability flags (docs/configuration.md#model-catalogue).
/// </summary>
internal static class DefaultModelCatalog
{
    public static IReadOnlyList<ModelInfo> Create() =>
    [
        Text("qwen-turbo", "通义千问-Turbo", "快速响应，适合日常对话", 16_384, ThinkingModes.HybridOff),
        Text("qwen-plus", "通义千问-Plus", "效果、速度与成本均衡", 32_768, ThinkingModes.HybridOff),
        Text("qwen-max", "通义千问-Max", "最强性能，适合复杂任务", 8_192, ThinkingModes.None),
        Text("qwen-max-longcontext", "通义千问-Max 长文本版", "长文本版（上游已下线的旧名称）", 8_192, ThinkingModes.None, supportsTools: false),
        Text("qwen-flash", "通义千问-Flash", "极速低成本", 32_768, ThinkingModes.HybridOff),
        Text("qwen3-max", "通义千问3-Max", "新一代旗舰模型", 65_536, ThinkingModes.HybridOff),
        Text("qwen-long", "通义千问-Long", "超长文档理解", 8_192, ThinkingModes.None, supportsTools: false),
        Multimodal("qwen3.6-plus", "通义千问3.6-Plus", "当前推荐旗舰，图文理解，默认深度思考", 65_536, ThinkingModes.HybridOn, nonStreaming: true, preserve: true),
        Multimodal("qwen3.5-plus", "通义千问3.5-Plus", "图文理解，默认深度思考", 65_536, ThinkingModes.HybridOn, nonStreaming: true, preserve: false),
        Multimodal("qwen3.5-flash", "通义千问3.5-Flash", "图文理解，快速低成本，默认深度思考", 65_536, ThinkingModes.HybridOn, nonStreaming: true, preserve: false),
        Multimodal("qwen3-vl-plus", "通义千问3-VL-Plus", "视觉理解，可开启深度思考", 32_768, ThinkingModes.HybridOff, nonStreaming: false, preserve: false),
        new()
        {
            Id = "qwq-plus", Name = "通义千问 QwQ-Plus", Description = "推理模型，只以流式回答", MaxTokens = 8_192,
            Thinking = ThinkingModes.Only, ThinkingNonStreaming = false,
        },
    ];

    /// <summary>A text-generation model; a hybrid one may think on non-streaming calls too.</summary>
    private static ModelInfo Text(string id, string name, string description, int maxTokens, string thinking, bool supportsTools = true) =>
        new()
        {
            Id = id, Name = name, Description = description, MaxTokens = maxTokens, SupportsTools = supportsTools,
            Thinking = thinking, ThinkingNonStreaming = thinking != ThinkingModes.None,
        };

    private static ModelInfo Multimodal(string id, string name, string description, int maxTokens, string thinking, bool nonStreaming, bool preserve) =>
        new()
        {
            Id = id, Name = name, Description = description, MaxTokens = maxTokens, Endpoint = ModelEndpoints.Multimodal, ImageInput = true,
            Thinking = thinking, ThinkingNonStreaming = nonStreaming, PreserveThinking = preserve,
        };
}
