using AiChat.Core.Redis;
using AiChat.Core.Telemetry;

namespace AiChat.Core.Limits;

/// <summary>
/// The chat endpoints' gate: identifies the caller, checks its limits before anything goes upstream, and keeps
/// the counts that follow an answer (tokens, the stream slot). While token limits are on, an admitted request holds
/// the most its turn can spend (<see cref="TokenEstimate.OfRequest"/>) on the client's day and the app's budget, so
/// a burst cannot pass them by more than one answer; the turn settles the hold with what it spent. When the store
/// cannot be reached the request is admitted and an error logged, or refused with 503 when
/// RATE_LIMIT_WHEN_STORE_UNAVAILABLE=closed.
/// </summary>
internal sealed class ClientLimits(
    ILimitStore store, IOptions<LimitOptions> options, IOptions<AiChatOptions> chat, TrustedProxies proxies, TimeProvider time, ILogger<ClientLimits> logger)
{
    private readonly LimitOptions _limits = options.Value;
    private Admission? _unlimited;

    public Task<Admission> AdmitAsync(HttpContext context, ChatRequest request, bool stream, CancellationToken cancellationToken) =>
        AdmitAsync(context, request, stream, clientKey: null, cancellationToken);

    /// <param name="request">The validated request, whose prompt and output cap the turn may spend.</param>
    /// <param name="clientKey">On /v1, the accepted client key's identifier, which names the client ahead of its address.</param>
    public async Task<Admission> AdmitAsync(HttpContext context, ChatRequest request, bool stream, string? clientKey, CancellationToken cancellationToken)
    {
        if (!_limits.AnyEnabled)
        {
            return _unlimited ??= new Admission(this, "", null, null);
        }

        var client = ClientIdentity.Of(context, proxies, _limits.TrustEasyAuth, clientKey, _limits.Ipv6PrefixLength, _limits.ClientIpHeader);
        var lease = stream && _limits.ConcurrentStreams > 0 ? Guid.NewGuid().ToString("N") : null;
        var held = _limits.CountsTokens ? TokenEstimate.OfRequest(request, chat.Value.FindModel(request.Model)?.MaxTokens ?? 0) : 0;
        var day = LimitDay.Of(time.GetUtcNow());
        LimitDecision decision;
        try
        {
            decision = await store.CheckAsync(new LimitCheck(client, lease, _limits) { Tokens = held }, cancellationToken);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            if (_limits.FailClosed)
            {
                LimitLog.StoreUnavailableClosed(logger, e);
                LimitMetrics.StoreUnavailable();
                return new Admission(this, client, null, LimitErrors.StoreUnavailable());
            }

            LimitLog.StoreUnavailableOpen(logger, e);
            return new Admission(this, client, null, null, _limits.CountsTokens ? new TokenHold(0, day) : null);
        }

        if (decision.IsAdmitted)
        {
            return new Admission(this, client, lease, null, _limits.CountsTokens ? new TokenHold(held, day) : null);
        }

        LimitLog.Refused(logger, decision.RefusedBy, client);
        LimitMetrics.Refused(decision.RefusedBy);
        return new Admission(this, client, null, LimitErrors.For(decision, _limits));
    }

    internal async Task ReleaseAsync(string client, string lease)
    {
        try
        {
            await store.ReleaseStreamAsync(client, lease, CancellationToken.None);
        }
        catch (Exception e) when (IsStoreFailure(e, CancellationToken.None))
        {
            LimitLog.ReleaseFailed(logger, e);
        }
    }

    /// <summary>
    /// Counts what a turn spent in place of what its admission held. A hold taken on a day that has since ended is left
    /// to that day; the spend is counted whole on the new one.
    /// </summary>
    internal async Task SettleAsync(string client, TokenHold hold, long spent)
    {
        var tokens = hold.Day == LimitDay.Of(time.GetUtcNow()) ? spent - hold.Tokens : spent;
        if (tokens == 0)
        {
            return;
        }

        try
        {
            await store.AddTokensAsync(client, tokens, CancellationToken.None);
        }
        catch (Exception e) when (IsStoreFailure(e, CancellationToken.None))
        {
            LimitLog.TokensNotCounted(logger, tokens, e);
        }
    }

    /// <summary>Counts one geo tool call for the client; the refusal's text when it has used its calls for the day.</summary>
    internal async Task<string?> TakeToolCallAsync(string client, CancellationToken cancellationToken)
    {
        if (_limits.GeoToolCallsPerDay == 0)
        {
            return null;
        }

        try
        {
            return await store.TryTakeToolCallAsync(client, _limits.GeoToolCallsPerDay, cancellationToken) ? null : LimitErrors.ToolCallsPerDay(_limits);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            LimitLog.StoreUnavailableOpen(logger, e);
            return null;
        }
    }

    private static bool IsStoreFailure(Exception e, CancellationToken cancellationToken) =>
        RedisFailure.Is(e) && !cancellationToken.IsCancellationRequested;
}
