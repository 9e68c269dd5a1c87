extern alias functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ErrorResponseMiddleware = functions::AiChat.Functions.ErrorResponseMiddleware;

namespace AiChat.Functions.Tests.Functions;

/// <summary>
/// The worker middleware that stands in for the self-host's exception handler. No request a caller can send makes a
/// function throw (the hostile corpus proves that on both hosts), so the middleware is driven here with a failing next step.
/// </summary>
public sealed class ErrorResponseMiddlewareTests : IDisposable
{
    private readonly RecordingLoggerProvider _log = new();

    [Fact]
    public async Task Bug_in_a_function_is_a_JSON_500_that_says_nothing_of_the_exception_and_is_logged()
    {
        var http = NewHttpContext();

        await Middleware().Invoke(new FakeFunctionContext(http, "ChatCompletions"), _ => throw new InvalidOperationException("secret detail"));

        var body = await ReadBodyAsync(http);
        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        Assert.Equal("internal_error", body.GetProperty("code").GetString());
        Assert.DoesNotContain("secret detail", body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(_log.Lines, line => line.Contains("Function ChatCompletions failed", StringComparison.Ordinal) && line.Contains("secret detail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_error_raised_by_the_server_keeps_its_status()
    {
        var http = NewHttpContext();

        await Middleware().Invoke(new FakeFunctionContext(http, "ChatStream"), _ => throw new BadHttpRequestException("too slow", StatusCodes.Status408RequestTimeout));

        Assert.Equal(408, http.Response.StatusCode);
        Assert.Equal("request_timeout", (await ReadBodyAsync(http)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Failure_after_a_stream_started_ends_the_connection_instead_of_writing_an_error_into_it()
    {
        var http = NewHttpContext();
        var started = new StartedResponse();
        http.Features.Set<IHttpResponseFeature>(started);
        var lifetime = new RecordingLifetime();
        http.Features.Set<IHttpRequestLifetimeFeature>(lifetime);

        await Middleware().Invoke(new FakeFunctionContext(http, "ChatStream"), _ => throw new InvalidOperationException("mid-stream"));

        Assert.True(lifetime.Aborted);
        Assert.Equal(200, http.Response.StatusCode);
    }

    [Fact]
    public async Task Cancellation_because_the_caller_left_is_not_turned_into_an_error()
    {
        var http = NewHttpContext();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        http.RequestAborted = gone.Token;

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            Middleware().Invoke(new FakeFunctionContext(http, "ChatStream"), _ => throw new OperationCanceledException(gone.Token)));
        Assert.Empty(_log.Lines);
    }

    public void Dispose() => _log.Dispose();

    private ErrorResponseMiddleware Middleware() => new(new LoggerFactory([_log]).CreateLogger<ErrorResponseMiddleware>());

    private static DefaultHttpContext NewHttpContext() => new()
    {
        RequestServices = new ServiceCollection().AddProblemDetails().AddLogging().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static async Task<JsonElement> ReadBodyAsync(HttpContext http)
    {
        http.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(http.Response.Body);
        return document.RootElement.Clone();
    }

    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }

    private sealed class RecordingLifetime : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => Aborted = true;
    }
}
