namespace AiChat.Functions.Tests.Support;

/// <summary>
/// A test class's backends, one per cell of its matrix, each started the first time a test asks for its cell and kept
/// until the class is done. xunit runs one class's tests one at a time, so the members below are those of the cell the
/// running test chose with <see cref="UseAsync"/>.
/// </summary>
public sealed class EmulatedBackend : IAsyncLifetime
{
    public const string ApiKey = "sk-test-5e5a1b2c3d4e5f60718293a4b5c6d7e8";

    private readonly Dictionary<BackendVariant, StartedBackend> _started = [];
    private StartedBackend? _current;

    public BackendVariant Variant => Current.Variant;

    public DashScopeEmulator Emulator => Current.Emulator;

    /// <summary>The AMap emulator behind the geo assistant, in the <see cref="BackendSetup.GeoAssistant"/> setup.</summary>
    public AMapEmulator AMap => Current.AMap ?? throw new InvalidOperationException($"{Variant} runs no AMap emulator.");

    public IAiChatHost App => Current.App;

    public HttpClient Client => Current.Client;

    /// <summary>The host's base address, for tests that speak raw HTTP over a socket.</summary>
    public Uri Address => App.Address;

    /// <summary>The OpenAI SDKs' base URL for this host.</summary>
    public Uri V1 => new(Address, "/v1/");

    public HostKind Host => Variant.Host;

    /// <summary>"/api/v1" for the native protocol, "/compatible-mode/v1" for the OpenAI-compatible one.</summary>
    public string BasePath => Variant.BasePath;

    private StartedBackend Current => _current ?? throw new InvalidOperationException("A test must choose its cell with UseAsync first.");

    /// <summary>Makes <paramref name="variant"/>'s backend the current one, starting it if no test of the class has yet.</summary>
    public async Task UseAsync(BackendVariant variant)
    {
        if (!_started.TryGetValue(variant, out var backend))
        {
            backend = await StartedBackend.StartAsync(variant);
            _started.Add(variant, backend);
        }

        _current = backend;
    }

    /// <summary>The emulator's requests whose last user message contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedChatRequest> RequestsWith(string marker) =>
        [.. Emulator.Requests.Where(r => r.Messages.Count > 0 && r.Messages[^1].Content.Contains(marker, StringComparison.Ordinal))];

    /// <summary>Sends a request the app must refuse with <paramref name="status"/> before anything goes upstream; its error body.</summary>
    public async Task<JsonElement> RefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var before = Emulator.ReceivedRequests;
        using var response = await send(Client);
        var error = await Json.ReadAsync(response, status);
        Assert.Equal(before, Emulator.ReceivedRequests);
        return error;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var backend in _started.Values)
        {
            await backend.DisposeAsync();
        }
    }
}
