using AiChat.Core.Limits;

namespace AiChat.Core.Turns;

/// <summary>
/// The tokens a turn has spent so far, model call by model call. A call that ended with DashScope's usage counts that;
/// one that did not (its protocol sent none) counts the estimate of its prompt and of what it streamed
/// (<see cref="TokenEstimate"/>); one cut short (the client went away, the upstream failed) counts the larger of that
/// estimate and the usage it had reported so far (the native protocol reports it with every frame).
/// </summary>
internal sealed class TurnSpend
{
    private long _ended;
    private long _prompt;
    private long _streamedBytes;
    private TokenUsage? _usage;
    private bool _inCall;

    public long Total => _ended + Current;

    /// <summary>Whether any call was counted by estimate: its usage never came, or it was cut short.</summary>
    public bool IsEstimated { get; private set; }

    private long Current => !_inCall ? 0 : _usage is { TotalTokens: > 0 } usage ? usage.TotalTokens : _prompt + TokenEstimate.OfBytes(_streamedBytes);

    /// <summary>A model call is about to go upstream with <paramref name="request"/>.</summary>
    public void BeginCall(ChatRequest request)
    {
        EndCall();
        (_inCall, _prompt, _streamedBytes, _usage) = (true, TokenEstimate.OfPrompt(request.Messages), 0, null);
    }

    public void Add(ChatDelta delta)
    {
        _usage = delta.Usage ?? _usage;
        _streamedBytes += Encoding.UTF8.GetByteCount(delta.Content) + (delta.ReasoningContent is { } reasoning ? Encoding.UTF8.GetByteCount(reasoning) : 0);
        foreach (var fragment in delta.ToolCalls ?? [])
        {
            _streamedBytes += (fragment.Name?.Length ?? 0) + (fragment.Arguments is { } arguments ? Encoding.UTF8.GetByteCount(arguments) : 0);
        }
    }

    /// <summary>The call in flight, if any, was cut short.</summary>
    public void Abandon()
    {
        if (!_inCall)
        {
            return;
        }

        _ended += Math.Max(_usage?.TotalTokens ?? 0, _prompt + TokenEstimate.OfBytes(_streamedBytes));
        IsEstimated = true;
        _inCall = false;
    }

    /// <summary>The call is over, with the usage a whole answer reported, if any (a stream's came with its deltas).</summary>
    public void EndCall(TokenUsage? usage = null)
    {
        if (!_inCall)
        {
            return;
        }

        _usage = usage ?? _usage;
        IsEstimated |= _usage is not { TotalTokens: > 0 };
        _ended += Current;
        _inCall = false;
    }
}
