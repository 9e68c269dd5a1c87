using System.Net;
using AiChat.Core.Telemetry;
using Microsoft.Extensions.Caching.Memory;

namespace AiChat.Core.Geo.AMap;

/// <summary>
/// GET requests to the AMap web service (docs/amap.md): the envelope checked (status "1", else the infocode
/// mapped), one retry for rate and overload codes, a deadline per request, at most three requests at once, successful
/// answers cached. Every failure leaves as <see cref="AMapException"/>; caller cancellation stays cancellation.
/// </summary>
internal sealed partial class AMapClient : IDisposable
{
    public const int MaxConcurrentRequests = 3;
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Beijing", "Beijing");

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly TimeProvider _time;
    private readonly ILogger<AMapClient> _logger;
    private readonly SemaphoreSlim _slots = new(MaxConcurrentRequests, MaxConcurrentRequests);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2000 });
    private long _quotaSpentUntilTicks;

    public AMapClient(HttpClient http, IOptions<GeoOptions> options, TimeProvider time, ILogger<AMapClient> logger)
    {
        _http = http;
        _baseUrl = new Uri(options.Value.BaseUrl.TrimEnd('/') + "/");
        _time = time;
        _logger = logger;
    }

    /// <summary>How long one HTTP request may take (docs/geo-assistant.md#timeouts-retries-and-caching: 3 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The pause before the one retry is drawn from this range (docs/geo-assistant.md#timeouts-retries-and-caching: 300–900 ms).</summary>
    public (TimeSpan Min, TimeSpan Max) RetryDelay { get; init; } = (TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(900));

    /// <returns>The answer's root object, whose <c>status</c> was "1".</returns>
    /// <exception cref="AMapException">Anything but a successful answer.</exception>
    public async Task<JsonElement> GetAsync(AMapQuery query, TimeSpan cacheFor, CancellationToken cancellationToken)
    {
        var pathAndQuery = query.PathAndQuery();
        if (_cache.TryGetValue(pathAndQuery, out JsonElement cached))
        {
            return cached;
        }

        if (_time.GetUtcNow().UtcTicks < Interlocked.Read(ref _quotaSpentUntilTicks))
        {
            throw new AMapException(AMapErrorCodes.QuotaExceeded, null, $"AMap's daily quota is spent until midnight (Beijing time); {query.Path} was not called.");
        }

        JsonElement answer;
        try
        {
            answer = await SendAsync(query.Path, pathAndQuery, cancellationToken);
        }
        catch (AMapException e) when (e.Infocode is { } infocode && AMapErrorCodes.IsRetryable(infocode))
        {
            var (min, max) = RetryDelay;
            await Task.Delay(min + (max - min) * Random.Shared.NextDouble(), _time, cancellationToken);
            answer = await SendAsync(query.Path, pathAndQuery, cancellationToken);
        }

        _cache.Set(pathAndQuery, answer, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = cacheFor, Size = 1 });
        return answer;
    }

    public void Dispose()
    {
        _slots.Dispose();
        _cache.Dispose();
    }

    private async Task<JsonElement> SendAsync(string path, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RequestTimeout);
        try
        {
            await _slots.WaitAsync(deadline.Token);
            try
            {
                return await AMapMetrics.MeasureAsync(path, () => ExchangeAsync(path, pathAndQuery, deadline.Token));
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(new AMapException(AMapErrorCodes.Timeout, null, $"AMap {path} did not answer within {RequestTimeout.TotalSeconds:0.#} s.", e));
        }
        catch (HttpRequestException e)
        {
            // The key is added below AiChat's code, but a transport message could still quote the URL.
            throw Fail(new AMapException(AMapErrorCodes.ProviderError, null, $"AMap {path} could not be reached: {AMapRedaction.Redact(e.Message)}"));
        }
    }

    private async Task<JsonElement> ExchangeAsync(string path, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_baseUrl, pathAndQuery.TrimStart('/')), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Fail(new AMapException(AMapErrorCodes.ProviderError, null, $"AMap {path} answered HTTP {(int)response.StatusCode}."));
        }

        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            throw Fail(new AMapException(AMapErrorCodes.ProviderError, null, $"AMap {path} answered with more than {MaxBodyBytes} bytes."));
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Fail(new AMapException(AMapErrorCodes.ProviderError, null, $"AMap {path} answered with a body that is not JSON."));
        }

        var status = root.ValueKind == JsonValueKind.Object ? AMapJson.String(root, "status") : null;
        if (status == "1")
        {
            return root;
        }

        var infocode = AMapJson.String(root, "infocode");
        if (status != "0" || infocode is null)
        {
            throw Fail(new AMapException(AMapErrorCodes.ProviderError, infocode, $"AMap {path} answered without AMap's envelope."));
        }

        if (AMapErrorCodes.BlocksUntilMidnight(infocode))
        {
            Interlocked.Exchange(ref _quotaSpentUntilTicks, NextBeijingMidnight().UtcTicks);
        }

        var info = AMapJson.String(root, "info") ?? "";
        throw Fail(new AMapException(AMapErrorCodes.Map(infocode), infocode, $"AMap {path} refused: {infocode} {AMapRedaction.Redact(info)}."));
    }

    private AMapException Fail(AMapException exception)
    {
        LogFailure(_logger, exception.ErrorCode, exception.Message);
        return exception;
    }

    private DateTimeOffset NextBeijingMidnight()
    {
        var now = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Beijing);
        return new DateTimeOffset(now.Date.AddDays(1), now.Offset);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AMap call failed ({ErrorCode}): {Reason}")]
    private static partial void LogFailure(ILogger logger, string errorCode, string reason);
}
