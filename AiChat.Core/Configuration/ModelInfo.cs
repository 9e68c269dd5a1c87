using System.Text.Json.Serialization;

namespace AiChat.Core.Configuration;

/// <summary>One entry of the model catalogue, in the shape GET /api/models returns.</summary>
internal sealed class ModelInfo
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("description")]
    public string Description { get; set; } = "";

    [JsonPropertyName("provider")]
    public string Provider { get; set; } = "Alibaba";

    /// <summary>The most output tokens a request may ask of this model (max_tokens).</summary>
    [JsonPropertyName("maxTokens")]
    public int MaxTokens { get; set; }

    /// <summary>Whether the model reads images (docs/images.md); a request with an image for any other model is refused.</summary>
    [JsonPropertyName("imageInput")]
    public bool ImageInput { get; set; }

    /// <summary>Whether the model takes <c>tools</c> (docs/dashscope-streams.md#what-the-service-accepts-for-tools); the geo assistant offers them only then.</summary>
    [JsonIgnore]
    public bool SupportsTools { get; set; } = true;
}
