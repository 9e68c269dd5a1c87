using Microsoft.AspNetCore.Builder;

namespace AiChat.Emulator;

/// <summary>
/// A stand-in for DashScope on a loopback port, speaking both the OpenAI-compatible and the native protocol with
/// deterministic replies, plus faults chosen per request by <c>[[fault:NAME]]</c> markers in the last user message.
/// </summary>
public sealed class DashScopeEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestJournal _journal;
    private int _disposed;

    private DashScopeEmulator(WebApplication app, RequestJournal journal, EmulatorOptions options, Uri address)
    {
        _app = app;
        _journal = journal;
        Options = options;
        Address = address;
        NativeBaseUrl = new Uri(address, "api/v1");
        CompatibleBaseUrl = new Uri(address, "compatible-mode/v1");
    }

    /// <summary>The root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public Uri NativeBaseUrl { get; }

    public Uri CompatibleBaseUrl { get; }

    public EmulatorOptions Options { get; }

    /// <summary>
    /// The base URL to configure instead of <paramref name="configured"/> (a DASHSCOPE_BASE_URL, or none): this
    /// emulator's address with the configured path, so the protocol it names is kept; the native one when none is.
    /// </summary>
    public Uri BaseUrlFor(string? configured) =>
        new(Address, Uri.TryCreate(configured, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/api/v1");

    /// <summary>Chat requests received over both protocols; the models list is not counted.</summary>
    public int ReceivedRequests => _journal.Received.Count;

    /// <summary>Chat requests whose caller disconnected before the answer was finished.</summary>
    public int AbortedRequests => _journal.Aborted.Count;

    /// <summary>A snapshot in arrival order; empty when <see cref="EmulatorOptions.RecordRequests"/> is false.</summary>
    public IReadOnlyList<ReceivedChatRequest> Requests => _journal.Snapshot();

    public static async Task<DashScopeEmulator> StartAsync(
        EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SlowFirstByteDelay, TimeSpan.Zero);

        var state = new EmulatorState(options);
        var app = EmulatorApp.Build(options, state);
        var address = await LoopbackApp.StartAsync(app, cancellationToken);
        return new DashScopeEmulator(app, state.Journal, options, address);
    }

    public Task WaitForReceivedRequestsAsync(int count, CancellationToken cancellationToken) =>
        _journal.Received.WaitAsync(count, cancellationToken);

    public Task WaitForAbortedRequestsAsync(int count, CancellationToken cancellationToken) =>
        _journal.Aborted.WaitAsync(count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
