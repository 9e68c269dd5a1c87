using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

/// <summary>DashScope's OpenAI-compatible protocol (<c>{host}/compatible-mode/v1</c>).</summary>
internal sealed class CompatibleModeProtocol(Uri baseUrl) : IDashScopeProtocol
{
    private readonly Uri _endpoint = new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/chat/completions");

    public HttpRequestMessage CreateRequest(ChatRequest request, ModelInfo? model, bool stream)
    {
        var body = new CompatibleChatRequest(request, stream);
        return new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonBody.Create(body, DashScopeJsonContext.Default.CompatibleChatRequest, request.Messages),
        };
    }

    public ChatCompletion ReadCompletion(ReadOnlySpan<byte> body, ChatRequest request, string? requestIdHeader)
    {
        var answer = JsonSerializer.Deserialize(body, DashScopeJsonContext.Default.CompatibleChatResponse)
                     ?? throw new JsonException("DashScope answered with an empty body.");
        if (answer.Error is not null)
        {
            throw DashScopeErrorReader.FromStreamFrame(new WireError { Error = answer.Error, RequestId = answer.RequestId });
        }

        var choice = answer.Choices is [var first, ..] ? first : null;
        return new ChatCompletion(
            RequestId(answer) ?? requestIdHeader ?? "",
            choice?.Message?.Content ?? "",
            answer.Model ?? request.Model,
            choice?.FinishReason,
            ToUsage(answer.Usage))
        {
            ToolCalls = WireMessages.Calls(choice?.Message?.ToolCalls),
            ReasoningContent = WireMessages.Reasoning(choice?.Message),
        };
    }

    public StreamFrame ReadFrame(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return StreamFrame.End;
        }

        var chunk = JsonSerializer.Deserialize(data, DashScopeJsonContext.Default.CompatibleChatResponse);
        if (chunk?.Error is not null)
        {
            return new StreamFrame(null, Error: DashScopeErrorReader.FromStreamFrame(new WireError { Error = chunk.Error, RequestId = chunk.RequestId }));
        }

        if (chunk?.Choices is [var choice, ..])
        {
            return new StreamFrame(new ChatDelta(choice.Delta?.Content ?? "", choice.FinishReason, ToUsage(chunk.Usage))
            {
                ToolCalls = WireMessages.Fragments(choice.Delta?.ToolCalls),
                ReasoningContent = WireMessages.Reasoning(choice.Delta),
            });
        }

        return chunk?.Usage is null ? StreamFrame.Ignored : new StreamFrame(new ChatDelta("", Usage: ToUsage(chunk.Usage)));
    }

    // The compatible protocol's id is "chatcmpl-" followed by the request id the native protocol would report.
    private static string? RequestId(CompatibleChatResponse answer) =>
        answer.Id is { } id && id.StartsWith("chatcmpl-", StringComparison.Ordinal) ? id["chatcmpl-".Length..] : answer.Id;

    private static TokenUsage? ToUsage(CompatibleUsage? usage) =>
        usage is null ? null : new TokenUsage(usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens) { ReasoningTokens = usage.CompletionTokensDetails?.ReasoningTokens };
}
