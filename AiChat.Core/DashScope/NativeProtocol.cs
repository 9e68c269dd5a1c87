using System.Text.Json;
using AiChat.Core.Chat;
using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

/// <summary>DashScope's native text-generation protocol (<c>{host}/api/v1</c>).</summary>
internal sealed class NativeProtocol(Uri baseUrl) : IDashScopeProtocol
{
    private readonly Uri _endpoint = new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/services/aigc/text-generation/generation");

    public HttpRequestMessage CreateRequest(ChatRequest request, bool stream)
    {
        var body = new NativeChatRequest
        {
            Model = request.Model,
            Input = new NativeInput(WireMessages.From(request.Messages, withToolNames: true, nativeParts: true)),
            Parameters = new NativeParameters(request, stream),
        };
        var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonBody.Create(body, DashScopeJsonContext.Default.NativeChatRequest),
        };
        if (stream)
        {
            message.Headers.Add("X-DashScope-SSE", "enable");
            message.Headers.Accept.ParseAdd("text/event-stream");
        }

        return message;
    }

    public ChatCompletion ReadCompletion(ReadOnlySpan<byte> body, ChatRequest request, string? requestIdHeader)
    {
        var answer = JsonSerializer.Deserialize(body, DashScopeJsonContext.Default.NativeChatResponse)
                     ?? throw new JsonException("DashScope answered with an empty body.");
        if (answer.Output is null && answer.Code is not null)
        {
            throw DashScopeErrorReader.FromStreamFrame(new WireError { Code = answer.Code, Message = answer.Message, RequestId = answer.RequestId });
        }

        var (content, finishReason) = Read(answer.Output);
        var message = answer.Output?.Choices is [var choice, ..] ? choice.Message : null;
        return new ChatCompletion(answer.RequestId ?? requestIdHeader ?? "", content, request.Model, finishReason, ToUsage(answer.Usage))
        {
            ToolCalls = WireMessages.Calls(message?.ToolCalls),
            ReasoningContent = WireMessages.Reasoning(message),
        };
    }

    public StreamFrame ReadFrame(string eventType, ReadOnlySpan<byte> data)
    {
        var frame = JsonSerializer.Deserialize(data, DashScopeJsonContext.Default.NativeChatResponse);
        if (eventType == "error" || (frame is { Output: null, Code: not null }))
        {
            var error = new WireError { Code = frame?.Code, Message = frame?.Message, RequestId = frame?.RequestId };
            return new StreamFrame(null, Error: DashScopeErrorReader.FromStreamFrame(error));
        }

        if (frame?.Output is null)
        {
            return StreamFrame.Ignored;
        }

        var (content, finishReason) = Read(frame.Output);
        var message = frame.Output.Choices is [var choice, ..] ? choice.Message : null;
        return new StreamFrame(new ChatDelta(content, finishReason, ToUsage(frame.Usage))
        {
            ToolCalls = WireMessages.Fragments(message?.ToolCalls),
            ReasoningContent = WireMessages.Reasoning(message),
        });
    }

    private static (string Content, string? FinishReason) Read(NativeOutput? output) =>
        output?.Choices is [var choice, ..]
            ? (choice.Message?.Content ?? "", FinishReason(choice.FinishReason))
            : (output?.Text ?? "", FinishReason(output?.FinishReason));

    // The native protocol spells "not finished yet" as the string "null".
    private static string? FinishReason(string? value) => value is null or "null" ? null : value;

    private static TokenUsage? ToUsage(NativeUsage? usage) =>
        usage is null ? null : new TokenUsage(usage.InputTokens, usage.OutputTokens, usage.TotalTokens);
}
