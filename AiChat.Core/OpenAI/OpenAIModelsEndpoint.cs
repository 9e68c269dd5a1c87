using System.Buffers;

namespace AiChat.Core.OpenAI;

/// <summary>
/// GET /v1/models and GET /v1/models/{id}: the configured catalogue in OpenAI's model shape, plus each model's
/// capability flags under the names GET /api/models gives them. The catalogue has no release dates, so <c>created</c>
/// is when this process loaded it.
/// </summary>
internal sealed class OpenAIModelsEndpoint(ClientKeys keys, IOptions<AiChatOptions> options, TimeProvider time)
{
    private readonly long _created = time.GetUtcNow().ToUnixTimeSeconds();

    private byte[]? _list;

    public async Task ListAsync(HttpContext context)
    {
        if (keys.Refuse(context.Request) is { } refused)
        {
            await OpenAIErrors.WriteAsync(context, refused);
            return;
        }

        await WriteAsync(context, _list ??= ListBody());
    }

    public async Task GetAsync(HttpContext context, string id)
    {
        if (keys.Refuse(context.Request) is { } refused)
        {
            await OpenAIErrors.WriteAsync(context, refused);
            return;
        }

        if (options.Value.FindModel(id) is not { } model)
        {
            await OpenAIErrors.WriteAsync(context, new ApiError(404, "model_not_found", $"Model '{id}' is not offered here; GET /v1/models lists the models.") { Field = "model" });
            return;
        }

        await WriteAsync(context, Serialize(json => WriteModel(json, model, _created)));
    }

    private byte[] ListBody() => Serialize(json =>
    {
        json.WriteStartObject();
        json.WriteString("object"u8, "list"u8);
        json.WriteStartArray("data"u8);
        foreach (var model in options.Value.Models)
        {
            WriteModel(json, model, _created);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static async Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static void WriteModel(Utf8JsonWriter json, ModelInfo model, long created)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, model.Id);
        json.WriteString("object"u8, "model"u8);
        json.WriteNumber("created"u8, created);
        json.WriteString("owned_by"u8, model.Provider.ToLowerInvariant());
        json.WriteNumber("maxTokens"u8, model.MaxTokens);
        json.WriteString("endpoint"u8, model.Endpoint);
        json.WriteBoolean("imageInput"u8, model.ImageInput);
        json.WriteString("thinking"u8, model.Thinking);
        json.WriteBoolean("thinkingNonStreaming"u8, model.ThinkingNonStreaming);
        json.WriteBoolean("preserveThinking"u8, model.PreserveThinking);
        json.WriteEndObject();
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output, OpenAIJson.WriterOptions))
        {
            write(json);
        }

        return output.WrittenSpan.ToArray();
    }
}
