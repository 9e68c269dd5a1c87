using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>The OpenAI-compatible protocol under <c>/compatible-mode/v1</c>.</summary>
internal sealed class CompatibleProtocol : IChatProtocol
{
    public const string NotAnObject = "Request body must be a JSON object.";

    private const string EventStream = "text/event-stream";
    private const string Json = "application/json";

    public string Name => "compatible";

    public bool? MultimodalEndpoint => null;

    public ChatCall Parse(JsonElement root, HttpRequest request)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ChatCall { Problem = NotAnObject };
        }

        var model = root.StringProperty("model");
        var messages = MessageParser.Parse(root.Property("messages"), out var problem, out var shapes);
        return new ChatCall
        {
            Model = model ?? string.Empty,
            Messages = messages,
            Stream = root.IsTrue("stream"),
            IncludeUsage = root.Property("stream_options").IsTrue("include_usage"),
            Tools = root.Property("tools").ToolNames(),
            ToolChoice = root.Property("tool_choice").ToolChoice(),
            ParallelToolCalls = root.IsTrue("parallel_tool_calls"),
            Thinking = root.IsTrue("enable_thinking"),
            EnableThinking = root.Bool("enable_thinking"),
            ThinkingBudget = root.Int("thinking_budget"),
            PreserveThinking = root.IsTrue("preserve_thinking"),
            JsonMode = root.IsJsonMode(),
            Content = shapes,
            Problem = model is null ? "Model is required." : problem,
        };
    }

    public void WriteError(ChatExchange exchange, EmulatedError error)
    {
        var stream = exchange.Call.Stream;
        exchange.Start(error.Status, stream ? EventStream : Json);
        exchange.Write(stream ? "data: "u8 : []);
        CompatibleJson.WriteEnvelope(exchange.StartJson(), error, exchange.RequestId);
        exchange.EndJson();
        exchange.Write(stream ? "\n\n"u8 : []);
    }

    public void WriteCompletion(ChatExchange exchange)
    {
        exchange.Start(StatusCodes.Status200OK, Json);
        if (exchange.ToolCalls.Count > 0)
        {
            CompatibleJson.WriteToolCompletion(exchange.StartJson(), exchange, "chatcmpl-" + exchange.RequestId, ToolFinishReason(exchange));
        }
        else
        {
            CompatibleJson.WriteCompletion(exchange.StartJson(), exchange, "chatcmpl-" + exchange.RequestId);
        }

        exchange.EndJson();
    }

    public async Task WriteStreamAsync(ChatExchange exchange)
    {
        exchange.Start(StatusCodes.Status200OK, EventStream);
        var id = "chatcmpl-" + exchange.RequestId;
        if (exchange.ToolCalls.Count > 0)
        {
            await WriteToolStreamAsync(exchange, id);
            return;
        }

        await exchange.NextFrameAsync();
        CompatibleJson.WriteRoleChunk(StartFrame(exchange), exchange, id);
        EndFrame(exchange);
        for (var i = 0; i < (exchange.Reasoning?.PieceCount ?? 0); i++)
        {
            await exchange.NextFrameAsync();
            CompatibleJson.WriteReasoningChunk(StartFrame(exchange), exchange, id, exchange.Reasoning!.Piece(i));
            EndFrame(exchange);
        }

        for (var i = 0; i < exchange.PiecesToSend; i++)
        {
            await exchange.NextFrameAsync();
            await exchange.PauseAsync();
            CompatibleJson.WriteDeltaChunk(StartFrame(exchange), exchange, id, exchange.Reply.Piece(i), stop: false);
            EndFrame(exchange);
            exchange.NoteText();
        }

        if (await exchange.EndedByFaultAsync(static exchange =>
            {
                exchange.Write("""data: {"error":{"code":"data_inspection_failed","type":"data_inspection_failed","message":"Output data may contain inappropriate content."}}"""u8);
                exchange.Write("\n\n"u8);
            }))
        {
            return;
        }

        await exchange.NextFrameAsync();
        CompatibleJson.WriteDeltaChunk(StartFrame(exchange), exchange, id, [], stop: true);
        EndFrame(exchange);
        if (exchange.Call.IncludeUsage)
        {
            await exchange.NextFrameAsync();
            CompatibleJson.WriteUsageChunk(StartFrame(exchange), exchange, id);
            EndFrame(exchange);
        }

        await exchange.NextFrameAsync();
        exchange.Write("data: [DONE]\n\n"u8);
    }

    internal static string ToolFinishReason(ChatExchange exchange) =>
        exchange.Directives.ToolQuirks.HasFlag(ToolQuirks.StopWithCalls) ? "stop" : "tool_calls";

    /// <summary>A tool round: the script's chunks (role on the first), a separate finish chunk, usage, [DONE].</summary>
    private static async Task WriteToolStreamAsync(ChatExchange exchange, string id)
    {
        var first = true;
        foreach (var frame in ToolScript.Frames(exchange.ToolCalls, exchange.Directives.ToolQuirks, exchange.RequestId))
        {
            await exchange.NextFrameAsync();
            CompatibleJson.WriteToolChunk(StartFrame(exchange), exchange, id, frame, withRole: first);
            EndFrame(exchange);
            first = false;
        }

        await exchange.NextFrameAsync();
        CompatibleJson.WriteFinishChunk(StartFrame(exchange), exchange, id, ToolFinishReason(exchange));
        EndFrame(exchange);
        if (exchange.Call.IncludeUsage)
        {
            await exchange.NextFrameAsync();
            CompatibleJson.WriteUsageChunk(StartFrame(exchange), exchange, id);
            EndFrame(exchange);
        }

        await exchange.NextFrameAsync();
        exchange.Write("data: [DONE]\n\n"u8);
    }

    private static Utf8JsonWriter StartFrame(ChatExchange exchange)
    {
        exchange.Write("data: "u8);
        return exchange.StartJson();
    }

    private static void EndFrame(ChatExchange exchange)
    {
        exchange.EndJson();
        exchange.Write("\n\n"u8);
    }
}
