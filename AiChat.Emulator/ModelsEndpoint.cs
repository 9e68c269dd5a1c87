using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary><c>GET /compatible-mode/v1/models</c>: the configured catalogue in OpenAI's _list shape.</summary>
internal sealed class ModelsEndpoint(EmulatorState state)
{
    private readonly byte[] _list = Render(state.Models, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "application/json";
        if (state.Authenticate(context.Request.Headers.Authorization) is not { } error)
        {
            return response.BodyWriter.WriteAsync(_list).AsTask();
        }

        response.StatusCode = error.Status;
        var json = JsonOutput.Start(response.BodyWriter);
        CompatibleJson.WriteEnvelope(json, error, Guid.NewGuid().ToString());
        json.Flush();
        return Task.CompletedTask;
    }

    private static byte[] Render(IReadOnlyList<string> models, long created)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var json = JsonOutput.Start(buffer);
        json.WriteStartObject();
        json.WriteString("object"u8, "list"u8);
        json.WriteStartArray("data"u8);
        foreach (var model in models)
        {
            json.WriteStartObject();
            json.WriteString("id"u8, model);
            json.WriteString("object"u8, "model"u8);
            json.WriteNumber("created"u8, created);
            json.WriteString("owned_by"u8, "system"u8);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
