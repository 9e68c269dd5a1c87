namespace AiChat.Core.DashScope.Wire;

/// <summary>
/// Reads <c>content</c> as text whatever its shape: a string, null, or an array of parts whose <c>text</c> members
/// are joined (multimodal models send <c>[]</c> beside tool calls, docs/dashscope-streams.md#content-null-empty-or-an-array).
/// </summary>
internal sealed class WireContentConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                var text = new StringBuilder();
                using (var parts = JsonDocument.ParseValue(ref reader))
                {
                    foreach (var part in parts.RootElement.EnumerateArray())
                    {
                        if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            text.Append(value.GetString());
                        }
                    }
                }

                return text.ToString();
            default:
                throw new JsonException($"content is neither a string nor an array but {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
