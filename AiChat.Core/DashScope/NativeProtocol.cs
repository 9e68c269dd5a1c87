using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

/// <summary>
/// DashScope's native protocol (<c>{host}/api/v1</c>): text-generation for text models, multimodal-generation (content
/// as arrays of parts both ways) for the models the catalogue marks <see cref="ModelEndpoints.Multimodal"/>; each
/// answers the other's models <c>url error</c> (docs/dashscope-streams.md#the-multimodal-generation-endpoint).
/// </summary>
internal sealed class NativeProtocol(Uri baseUrl) : IDashScopeProtocol
{
    private readonly Uri _textEndpoint = new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/services/aigc/text-generation/generation");
    private readonly Uri _multimodalEndpoint = new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/services/aigc/multimodal-generation/generation");

    public HttpRequestMessage CreateRequest(ChatRequest request, ModelInfo? model, bool stream)
    {
        var withReasoning = request.PreserveThinking == true;
        var message = model is { IsMultimodal: true }
            ? new HttpRequestMessage(HttpMethod.Post, _multimodalEndpoint)
            {
                Content = JsonBody.Create(
                    new NativeMultimodalChatRequest
                    {
                        Model = request.Model,
                        Input = new NativeMultimodalInput(WireMessages.Parts(request.Messages, withReasoning)),
                        Parameters = new NativeParameters(request, stream),
                    },
                    DashScopeJsonContext.Default.NativeMultimodalChatRequest,
                    request.Messages),
            }
            : new HttpRequestMessage(HttpMethod.Post, _textEndpoint)
            {
                Content = JsonBody.Create(
                    new NativeChatRequest
                    {
                        Model = request.Model,
                        Input = new NativeInput(WireMessages.From(request.Messages, withToolNames: true, withReasoning)),
                        Parameters = new NativeParameters(request, stream),
                    },
                    DashScopeJsonContext.Default.NativeChatRequest,
                    request.Messages),
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

    /// <summary>
    /// Every frame variant: text (string content), multimodal reasoning (<c>content: []</c>), answer (<c>[{"text"}]</c>),
    /// a transition frame carrying both, and an empty last frame or none.
    /// </summary>
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
        usage is null ? null : new TokenUsage(usage.InputTokens, usage.OutputTokens, usage.TotalTokens)
        {
            ReasoningTokens = usage.OutputTokensDetails?.ReasoningTokens,
            ImageTokens = usage.ImageTokens,
        };
}
