namespace AiChat.Core.Limits;

/// <summary>
/// A deliberately high guess at the tokens DashScope counts for text it did not report usage for: a token per three
/// UTF-8 bytes (Qwen's tokenizer takes about four bytes of English, or one to two Chinese characters, per token), and
/// a few more per message for its framing. Used to hold a turn's tokens before it runs and to count a turn whose usage
/// never came.
/// </summary>
internal static class TokenEstimate
{
    private const int PerMessage = 4;

    public static long OfText(string? text) => OfBytes(text is null ? 0 : Encoding.UTF8.GetByteCount(text));

    public static long OfBytes(long utf8Bytes) => (utf8Bytes + 2) / 3;

    /// <summary>What a model call's messages cost as its prompt.</summary>
    public static long OfPrompt(IReadOnlyList<ChatMessage> messages)
    {
        long tokens = 0;
        foreach (var message in messages)
        {
            tokens += PerMessage + OfText(message.Content);
            foreach (var call in message.ToolCalls ?? [])
            {
                tokens += OfText(call.Name) + OfText(call.Arguments);
            }
        }

        return tokens;
    }

    /// <summary>The most a request can cost: its prompt and its output cap (the request's max_tokens, else the model's).</summary>
    public static long OfRequest(ChatRequest request, int modelOutputCap) => OfPrompt(request.Messages) + (request.MaxTokens ?? modelOutputCap);
}
