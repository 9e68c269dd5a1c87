using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>
/// DashScope's own protocol under <c>/api/v1</c>, at one of its two paths: text-generation (string content) or
/// multimodal-generation (<paramref name="multimodal"/>: content as arrays of parts both ways).
/// </summary>
internal sealed class NativeProtocol(bool multimodal = false) : IChatProtocol
{
    private const string EventStream = "text/event-stream;charset=UTF-8";
    private const string Json = "application/json";

    public string Name => "native";

    public bool? MultimodalEndpoint => multimodal;

    public ChatCall Parse(JsonElement root, HttpRequest request)
    {
        var stream = string.Equals(request.Headers["X-DashScope-SSE"], "enable", StringComparison.OrdinalIgnoreCase);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ChatCall { Stream = stream, Problem = CompatibleProtocol.NotAnObject };
        }

        var model = root.StringProperty("model");
        var input = root.Property("input");
        var parameters = root.Property("parameters");
        var messages = ParseInput(input, out var problem, out var shapes);
        return new ChatCall
        {
            Model = model ?? string.Empty,
            Messages = messages,
            Stream = stream,
            IncrementalOutput = parameters.IsTrue("incremental_output"),
            TextFormat = parameters.StringProperty("result_format") != "message",
            Tools = parameters.Property("tools").ToolNames(),
            ToolChoice = parameters.Property("tool_choice").ToolChoice(),
            ParallelToolCalls = parameters.IsTrue("parallel_tool_calls"),
            Thinking = parameters.IsTrue("enable_thinking"),
            EnableThinking = parameters.Bool("enable_thinking"),
            ThinkingBudget = parameters.Int("thinking_budget"),
            PreserveThinking = parameters.IsTrue("preserve_thinking"),
            JsonMode = parameters.IsJsonMode(),
            Content = shapes,
            Problem = model is null ? "Model is required." : problem,
        };
    }

    public void WriteError(ChatExchange exchange, EmulatedError error)
    {
        var shape = exchange.Call.Stream ? exchange.Directives.NativeStreamError : NativeStreamErrorShape.Json;
        if (shape == NativeStreamErrorShape.Json)
        {
            Start(exchange, error.NativeStatus, Json);
            NativeFrames.WriteError(exchange, error);
            return;
        }

        Start(exchange, shape == NativeStreamErrorShape.Frame ? StatusCodes.Status200OK : error.NativeStatus, EventStream);
        NativeFrames.WriteErrorEvent(exchange, 1, error);
    }

    public void WriteCompletion(ChatExchange exchange)
    {
        Start(exchange, StatusCodes.Status200OK, Json);
        if (exchange.ToolCalls.Count > 0)
        {
            NativeFrames.WriteToolResult(exchange, CompatibleProtocol.ToolFinishReason(exchange));
            return;
        }

        if (multimodal || exchange.Reasoning is not null)
        {
            MessageFrames.WriteCompletion(exchange, multimodal);
            return;
        }

        NativeFrames.WriteResult(exchange, exchange.Reply.Text, "stop"u8, exchange.Reply.CompletionTokens, streamed: false);
    }

    public async Task WriteStreamAsync(ChatExchange exchange)
    {
        Start(exchange, StatusCodes.Status200OK, EventStream);
        if (exchange.ToolCalls.Count > 0)
        {
            await WriteToolStreamAsync(exchange);
            return;
        }

        if (multimodal || exchange.Reasoning is not null)
        {
            await MessageFrames.WriteStreamAsync(exchange, multimodal);
            return;
        }

        var incremental = exchange.Call.IncrementalOutput;
        var sent = exchange.PiecesToSend;
        // A text model sends nothing before its answer; so that a pause falls inside a started stream, one frame with
        // empty text (as a reasoning model sends before its answer) goes first.
        var lead = exchange.Directives.Pause is null ? 0 : 1;
        if (lead == 1)
        {
            await exchange.NextFrameAsync();
            NativeFrames.WriteResultEvent(exchange, 1, "", "null"u8, 0);
        }

        for (var i = 0; i < sent; i++)
        {
            await exchange.NextFrameAsync();
            await exchange.PauseAsync();
            var content = incremental ? exchange.Reply.Piece(i) : exchange.Reply.Through(i);
            NativeFrames.WriteResultEvent(exchange, lead + i + 1, content, "null"u8, i + 1);
            exchange.NoteText();
        }

        if (await exchange.EndedByFaultAsync(exchange => NativeFrames.WriteErrorEvent(exchange, lead + sent + 1, EmulatedError.Moderation)))
        {
            return;
        }

        await exchange.NextFrameAsync();
        NativeFrames.WriteResultEvent(exchange, lead + sent + 1, incremental ? "" : exchange.Reply.Text, "stop"u8, sent);
    }

    /// <summary>A tool round: one event per script frame, the finish reason in the last (no separate end frame, docs/dashscope-streams.md#finish-reason-in-the-last-fragment-frame).</summary>
    private static async Task WriteToolStreamAsync(ChatExchange exchange)
    {
        var frames = ToolScript.Frames(exchange.ToolCalls, exchange.Directives.ToolQuirks, exchange.RequestId);
        for (var i = 0; i < frames.Count; i++)
        {
            await exchange.NextFrameAsync();
            NativeFrames.WriteToolEvent(exchange, i + 1, frames[i], i == frames.Count - 1 ? CompatibleProtocol.ToolFinishReason(exchange) : "null");
        }
    }

    private static IReadOnlyList<EmulatedMessage> ParseInput(JsonElement input, out string? problem, out ContentShape shapes)
    {
        problem = null;
        shapes = ContentShape.None;
        if (input.StringProperty("prompt") is { } prompt)
        {
            return [new EmulatedMessage("user", prompt)];
        }

        var messages = input.Property("messages");
        if (messages.ValueKind == JsonValueKind.Undefined)
        {
            problem = """Either "prompt" or "messages" must exist and cannot both be none""";
            return [];
        }

        return MessageParser.Parse(messages, out problem, out shapes, native: true);
    }

    private static void Start(ChatExchange exchange, int status, string contentType)
    {
        exchange.Start(status, contentType);
        exchange.SetHeader("X-Request-ID", exchange.RequestId);
    }
}
