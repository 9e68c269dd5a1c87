using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace AiChat.Core.DashScope;

/// <summary>
/// The DashScope client: one instance over one HttpClient for the whole process, speaking whichever protocol
/// DASHSCOPE_BASE_URL names. Protocol differences stop here; callers see <see cref="ChatRequest"/> and deltas.
/// </summary>
internal sealed class DashScopeClient(HttpClient http, IDashScopeProtocol protocol, IOptions<AiChatOptions> options, IDashScopeKeySource keys)
    : IDashScopeClient
{
    private readonly TimeSpan _upstreamTimeout = TimeSpan.FromSeconds(options.Value.UpstreamTimeoutSeconds);
    private readonly TimeSpan _idleTimeout = TimeSpan.FromSeconds(options.Value.StreamIdleTimeoutSeconds);
    private readonly UpstreamHttpVersion _httpVersion = UpstreamHttpVersion.For(options.Value);

    public async Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_upstreamTimeout);
        try
        {
            using var message = CreateRequest(request, stream: false);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return response.IsSuccessStatusCode
                ? protocol.ReadCompletion(body, request, RequestId(response))
                : throw DashScopeErrorReader.FromResponse((int)response.StatusCode, body, RequestId(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw UpstreamFailures.Timeout("answer", _upstreamTimeout);
        }
        catch (Exception e) when (UpstreamFailures.Translate(e, null) is { } failure)
        {
            throw failure;
        }
    }

    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken cancellationToken) =>
        StreamAsync(request, mayRetryWithFreshKey: true, cancellationToken);

    private async IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, bool mayRetryWithFreshKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_upstreamTimeout);
        using var response = await StartStreamAsync(request, deadline.Token, cancellationToken);
        await using var stream = await ReadBodyAsync(response, deadline.Token, cancellationToken);
        await using var frames = SseParser.Create(stream, protocol.ReadFrame).EnumerateAsync(deadline.Token).GetAsyncEnumerator(deadline.Token);

        var finished = false;
        var first = true;
        while (true)
        {
            deadline.CancelAfter(_idleTimeout);
            if (!await NextFrameAsync(frames, cancellationToken))
            {
                break;
            }

            var frame = frames.Current.Data;
            // The native protocol may refuse the key inside a 200 event stream, where ApiKeyHandler cannot see it.
            if (first && mayRetryWithFreshKey && frame.Error is { StatusCode: 401 } && await HasFresherKeyAsync(response, cancellationToken))
            {
                response.Dispose();
                await foreach (var retried in StreamAsync(request, mayRetryWithFreshKey: false, cancellationToken))
                {
                    yield return retried;
                }

                yield break;
            }

            if (frame.Error is not null)
            {
                throw frame.Error;
            }

            first = false;

            if (frame.IsEnd)
            {
                yield break;
            }

            if (frame.Delta is { } delta)
            {
                finished |= delta.FinishReason is not null;
                yield return delta;
            }
        }

        // A stream may end after its finish reason (the native protocol has no end marker), but not before it.
        if (!finished)
        {
            throw new DashScopeException(502, "stream_truncated", "The upstream stream ended before the answer was complete.", RequestId(response));
        }
    }

    private async Task<HttpResponseMessage> StartStreamAsync(ChatRequest request, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            using var message = CreateRequest(request, stream: true);
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync(deadline);
                throw DashScopeErrorReader.FromResponse((int)response.StatusCode, body, RequestId(response));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw UpstreamFailures.Timeout("start streaming", _upstreamTimeout);
        }
        catch (Exception e) when (UpstreamFailures.Translate(e, null) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<Stream> ReadBodyAsync(HttpResponseMessage response, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(deadline);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw UpstreamFailures.Timeout("start streaming", _upstreamTimeout);
        }
        catch (Exception e) when (UpstreamFailures.Translate(e, RequestId(response)) is { } failure)
        {
            throw failure;
        }
    }

    private async ValueTask<bool> NextFrameAsync(IAsyncEnumerator<SseItem<StreamFrame>> frames, CancellationToken cancellationToken)
    {
        try
        {
            return await frames.MoveNextAsync();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw UpstreamFailures.Timeout("send the next stream event", _idleTimeout);
        }
        catch (Exception e) when (UpstreamFailures.Translate(e, null) is { } failure)
        {
            throw failure;
        }
    }

    private HttpRequestMessage CreateRequest(ChatRequest request, bool stream)
    {
        var model = options.Value.FindModel(request.Model);
        return _httpVersion.Apply(protocol.CreateRequest(UpstreamThinking.Apply(request, model, stream), model, stream));
    }

    private async Task<bool> HasFresherKeyAsync(HttpResponseMessage refused, CancellationToken cancellationToken) =>
        refused.RequestMessage?.Headers.Authorization?.Parameter is { } key && await keys.RefreshKeyAsync(key, cancellationToken) != key;

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-ID", out var values) ? values.FirstOrDefault() : null;
}
