using System.Text.Json.Nodes;

namespace AiChat.Functions.Tests.Emulator;

/// <summary>Request bodies in each protocol's shape, with one user message.</summary>
internal static class ChatBodies
{
    public static string Compatible(string text, bool stream = false, bool includeUsage = false, string model = "qwen-plus")
    {
        var body = new JsonObject { ["model"] = model, ["messages"] = UserMessage(text) };
        if (stream)
        {
            body["stream"] = true;
        }

        if (includeUsage)
        {
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return body.ToJsonString();
    }

    public static string Native(string text, bool incremental = false, string? resultFormat = "message", string model = "qwen-plus")
    {
        var parameters = new JsonObject();
        if (incremental)
        {
            parameters["incremental_output"] = true;
        }

        if (resultFormat is not null)
        {
            parameters["result_format"] = resultFormat;
        }

        return new JsonObject
        {
            ["model"] = model,
            ["input"] = new JsonObject { ["messages"] = UserMessage(text) },
            ["parameters"] = parameters,
        }.ToJsonString();
    }

    private static JsonArray UserMessage(string text) => [new JsonObject { ["role"] = "user", ["content"] = text }];
}
