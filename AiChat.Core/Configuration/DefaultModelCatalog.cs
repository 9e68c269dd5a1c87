namespace AiChat.Core.Configuration;

/// <summary>The catalogue served when configuration names no models: the seed's four and the current ones.</summary>
internal static class DefaultModelCatalog
{
    public static IReadOnlyList<ModelInfo> Create() =>
    [
        Model("qwen-turbo", "通义千问-Turbo", "快速响应，适合日常对话", 16_384),
        Model("qwen-plus", "通义千问-Plus", "效果、速度与成本均衡", 32_768),
        Model("qwen-max", "通义千问-Max", "最强性能，适合复杂任务", 8_192),
        Model("qwen-max-longcontext", "通义千问-Max 长文本版", "长文本版（上游已下线的旧名称）", 8_192, supportsTools: false),
        Model("qwen-flash", "通义千问-Flash", "极速低成本", 32_768),
        Model("qwen3-max", "通义千问3-Max", "新一代旗舰模型", 65_536),
        Model("qwen-long", "通义千问-Long", "超长文档理解", 8_192, supportsTools: false),
        Model("qwen3.6-plus", "通义千问3.6-Plus", "看图与对话", 65_536, imageInput: true),
        Model("qwen3.5-plus", "通义千问3.5-Plus", "看图与对话", 65_536, imageInput: true),
        Model("qwen3-vl-plus", "通义千问3-VL-Plus", "视觉理解", 32_768, imageInput: true),
    ];

    private static ModelInfo Model(string id, string name, string description, int maxTokens, bool supportsTools = true, bool imageInput = false) =>
        new() { Id = id, Name = name, Description = description, MaxTokens = maxTokens, SupportsTools = supportsTools, ImageInput = imageInput };
}
