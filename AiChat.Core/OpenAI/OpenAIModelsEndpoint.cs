using System.Buffers;
using System.Text.Json;
using AiChat.Core.Api;
using AiChat.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiChat.Core.OpenAI;

/// <summary>
/// GET /v1/models and GET /v1/models/{id}: the configured catalogue in OpenAI's model shape. The catalogue has no
/// dates, so <c>created</c> is 0.
/// </summary>
internal sealed class OpenAIModelsEndpoint(ClientKeys keys, IOptions<AiChatOptions> options)
{
    private readonly byte[] _list = Serialize(json =>
    {
        json.WriteStartObject();
        json.WriteString("object"u8, "list"u8);
        json.WriteStartArray("data"u8);
        foreach (var model in options.Value.Models)
        {
            WriteModel(json, model);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public async Task ListAsync(HttpContext context)
    {
        if (keys.Refuse(context.Request) is { } refused)
        {
            await OpenAIErrors.WriteAsync(context, refused);
            return;
        }

        await WriteAsync(context, _list);
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

        await WriteAsync(context, Serialize(json => WriteModel(json, model)));
    }

    private static async Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static void WriteModel(Utf8JsonWriter json, ModelInfo model)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, model.Id);
        json.WriteString("object"u8, "model"u8);
        json.WriteNumber("created"u8, 0);
        json.WriteString("owned_by"u8, model.Provider.ToLowerInvariant());
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
