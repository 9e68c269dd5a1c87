using AiChat.Core.DashScope.Responses;
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
        var answer = NativeResponse.Read(body, withRequestId: true) ?? throw new JsonException("DashScope answered with an empty body.");
        if (answer is { Output: null, Code: not null })
        {
            throw DashScopeErrorReader.FromStreamFrame(answer.Code, answer.Message, answer.RequestId);
        }

        var output = answer.Output ?? NativeResponse.Result.Empty;
        return new ChatCompletion(answer.RequestId ?? requestIdHeader ?? "", output.Content, request.Model, FinishReason(output.FinishReason), answer.Usage)
        {
            ToolCalls = output.Message.Calls(),
            ReasoningContent = output.Message.Reasoning,
        };
    }

    /// <summary>
    /// Every frame variant: text (string content), multimodal reasoning (<c>content: []</c>), answer (<c>[{"text"}]</c>),
    /// a transition frame carrying both, and an empty last frame or none.
    /// </summary>
    public StreamFrame ReadFrame(string eventType, ReadOnlySpan<byte> data)
    {
        var frame = NativeResponse.Read(data, withRequestId: false) ?? default;
        if (eventType == "error" || frame is { Output: null, Code: not null })
        {
            // Read again for the request id: rare enough, where keeping it from every event cost a string per event.
            var error = NativeResponse.Read(data, withRequestId: true) ?? default;
            return new StreamFrame(null, Error: DashScopeErrorReader.FromStreamFrame(error.Code, error.Message, error.RequestId));
        }

        if (frame.Output is not { } output)
        {
            return StreamFrame.Ignored;
        }

        return new StreamFrame(new ChatDelta(output.Content, FinishReason(output.FinishReason), frame.Usage)
        {
            ToolCalls = output.Message.Fragments,
            ReasoningContent = output.Message.Reasoning,
        });
    }

    // The native protocol spells "not finished yet" as the string "null".
    private static string? FinishReason(string? value) => value is null or "null" ? null : value;
}
