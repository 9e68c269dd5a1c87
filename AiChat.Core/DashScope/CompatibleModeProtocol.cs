using AiChat.Core.DashScope.Responses;
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
        var answer = CompatibleModeResponse.Read(body, withIds: true) ?? throw new JsonException("DashScope answered with an empty body.");
        if (answer.Error is { } error)
        {
            throw DashScopeErrorReader.FromStreamFrame(error.Code, error.Message, answer.RequestId);
        }

        var message = answer.Choice?.Message ?? default;
        return new ChatCompletion(RequestId(answer.Id) ?? requestIdHeader ?? "", message.Text, answer.Model ?? request.Model, answer.Choice?.FinishReason, answer.Usage)
        {
            ToolCalls = message.Calls(),
            ReasoningContent = message.Reasoning,
        };
    }

    public StreamFrame ReadFrame(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return StreamFrame.End;
        }

        var chunk = CompatibleModeResponse.Read(data, withIds: false) ?? default;
        if (chunk.Error is { } error)
        {
            return new StreamFrame(null, Error: DashScopeErrorReader.FromStreamFrame(error.Code, error.Message, chunk.RequestId));
        }

        if (chunk.Choice is { Delta: var delta } choice)
        {
            return new StreamFrame(new ChatDelta(delta.Text, choice.FinishReason, chunk.Usage)
            {
                ToolCalls = delta.Fragments,
                ReasoningContent = delta.Reasoning,
            });
        }

        return chunk.Usage is null ? StreamFrame.Ignored : new StreamFrame(new ChatDelta("", Usage: chunk.Usage));
    }

    // The compatible protocol's id is "chatcmpl-" followed by the request id the native protocol would report.
    private static string? RequestId(string? id) =>
        id is not null && id.StartsWith("chatcmpl-", StringComparison.Ordinal) ? id["chatcmpl-".Length..] : id;
}
