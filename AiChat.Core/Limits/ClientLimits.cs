using AiChat.Core.Chat;
using AiChat.Core.Redis;
using AiChat.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Limits;

/// <summary>
/// The chat endpoints' gate: identifies the caller, checks its limits before anything goes upstream, and keeps
/// the counts that follow an answer (tokens, the stream slot). When the store cannot be reached the request is
/// admitted and an error logged, or refused with 503 when RATE_LIMIT_WHEN_STORE_UNAVAILABLE=closed.
/// </summary>
internal sealed class ClientLimits(ILimitStore store, IOptions<LimitOptions> options, TrustedProxies proxies, ILogger<ClientLimits> logger)
{
    private readonly LimitOptions _limits = options.Value;
    private Admission? _unlimited;

    public Task<Admission> AdmitAsync(HttpContext context, bool stream, CancellationToken cancellationToken) =>
        AdmitAsync(context, stream, clientKey: null, cancellationToken);

    /// <param name="clientKey">On /v1, the accepted client key's identifier, which names the client ahead of its address.</param>
    public async Task<Admission> AdmitAsync(HttpContext context, bool stream, string? clientKey, CancellationToken cancellationToken)
    {
        if (!_limits.AnyEnabled)
        {
            return _unlimited ??= new Admission(this, "", null, null);
        }

        var client = ClientIdentity.Of(context, proxies, _limits.TrustEasyAuth, clientKey, _limits.Ipv6PrefixLength, _limits.ClientIpHeader);
        var lease = stream && _limits.ConcurrentStreams > 0 ? Guid.NewGuid().ToString("N") : null;
        LimitDecision decision;
        try
        {
            decision = await store.CheckAsync(new LimitCheck(client, lease, _limits), cancellationToken);
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
            return new Admission(this, client, null, null);
        }

        if (decision.IsAdmitted)
        {
            return new Admission(this, client, lease, null);
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

    internal async Task AddTokensAsync(string client, TokenUsage? usage)
    {
        if (usage is not { TotalTokens: > 0 } || (_limits.TokensPerDay == 0 && _limits.DailyTokenBudget == 0))
        {
            return;
        }

        try
        {
            await store.AddTokensAsync(client, usage.TotalTokens, CancellationToken.None);
        }
        catch (Exception e) when (IsStoreFailure(e, CancellationToken.None))
        {
            LimitLog.TokensNotCounted(logger, usage.TotalTokens, e);
        }
    }

    private static bool IsStoreFailure(Exception e, CancellationToken cancellationToken) =>
        RedisFailure.Is(e) && !cancellationToken.IsCancellationRequested;
}
