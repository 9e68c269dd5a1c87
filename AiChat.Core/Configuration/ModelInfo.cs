namespace AiChat.Core.Configuration;

/// <summary>
/// One entry of the model catalogue, in the shape GET /api/models returns: what the model is called and what it can
/// do (docs/configuration.md#model-catalogue). Everything about a model is decided from these flags, never from its name.
/// </summary>
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

    /// <summary>
    /// The native protocol's endpoint: <see cref="ModelEndpoints.Text"/> (text-generation, string content) or
    /// <see cref="ModelEndpoints.Multimodal"/> (multimodal-generation, content as arrays of parts both ways).
    /// </summary>
    [JsonPropertyName("endpoint")]
    public string Endpoint { get; set; } = ModelEndpoints.Text;

    /// <summary>Whether the model takes images.</summary>
    [JsonPropertyName("imageInput")]
    public bool ImageInput { get; set; }

    /// <summary>How the model thinks: one of <see cref="ThinkingModes"/>.</summary>
    [JsonPropertyName("thinking")]
    public string Thinking { get; set; } = ThinkingModes.None;

    /// <summary>Whether a non-streaming call may think; when not, such a call goes upstream with thinking off.</summary>
    [JsonPropertyName("thinkingNonStreaming")]
    public bool ThinkingNonStreaming { get; set; }

    /// <summary>Whether a request may ask for <c>preserve_thinking</c> (earlier turns' reasoning kept and sent).</summary>
    [JsonPropertyName("preserveThinking")]
    public bool PreserveThinking { get; set; }

    /// <summary>Whether the model takes <c>tools</c> (docs/dashscope-streams.md#what-the-service-accepts-for-tools); the geo assistant offers them only then.</summary>
    [JsonIgnore]
    public bool SupportsTools { get; set; } = true;

    [JsonIgnore]
    public bool IsMultimodal => Endpoint == ModelEndpoints.Multimodal;

    [JsonIgnore]
    public bool CanThink => Thinking != ThinkingModes.None;

    /// <summary>Whether the model thinks when a request says nothing about it.</summary>
    [JsonIgnore]
    public bool ThinksByDefault => Thinking is ThinkingModes.HybridOn or ThinkingModes.Only;
}
