using System.Net.Http.Headers;

namespace AiChat.Functions.Tests.Emulator;

/// <summary>A plain HttpClient aimed at an emulator's endpoints; from <see cref="StartAsync"/>, the emulator's owner too.</summary>
internal sealed class EmulatorClient(DashScopeEmulator emulator, bool ownsEmulator = false) : IDisposable, IAsyncDisposable
{
    public const string Key = "sk-emulator";

    private readonly HttpClient _http = new();

    public DashScopeEmulator Emulator => emulator;

    /// <summary>A new emulator and a client aimed at it; disposing the client stops the emulator.</summary>
    public static async Task<EmulatorClient> StartAsync(EmulatorOptions? options = null) =>
        new(await DashScopeEmulator.StartAsync(options), ownsEmulator: true);

    public Task<HttpResponseMessage> PostCompatibleAsync(
        string body, string? apiKey = Key, CancellationToken cancellationToken = default) =>
        PostAsync(new Uri($"{emulator.CompatibleBaseUrl}/chat/completions"), body, apiKey, sse: false, cancellationToken);

    public Task<HttpResponseMessage> PostNativeAsync(
        string body, bool sse = false, string? apiKey = Key, CancellationToken cancellationToken = default) =>
        PostAsync(
            new Uri($"{emulator.NativeBaseUrl}/services/aigc/text-generation/generation"), body, apiKey, sse, cancellationToken);

    public Task<HttpResponseMessage> PostMultimodalAsync(
        string body, bool sse = false, string? apiKey = Key, CancellationToken cancellationToken = default) =>
        PostAsync(
            new Uri($"{emulator.NativeBaseUrl}/services/aigc/multimodal-generation/generation"), body, apiKey, sse, cancellationToken);

    public async Task<HttpResponseMessage> GetModelsAsync(string? apiKey = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{emulator.CompatibleBaseUrl}/models"));
        Authorize(request, apiKey);
        return await _http.SendAsync(request);
    }

    /// <summary>The whole body, once the response is known to have <paramref name="status"/> and <paramref name="mediaType"/>.</summary>
    public static async Task<string> ReadBodyAsync(HttpResponseMessage response, HttpStatusCode status, string mediaType)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads a body to its end, or to where the connection broke, and splits it into its frames.</summary>
    public static async Task<(string Text, string[] Frames, bool Broken)> ReadUntilEndOrBreakAsync(HttpResponseMessage response)
    {
        using var received = new MemoryStream();
        var broken = false;
        try
        {
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(received);
        }
        catch (IOException)
        {
            broken = true;
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        return (text, Frames(text), broken);
    }

    /// <summary>An event stream's frames (events, or compatible-mode <c>data:</c> lines), each without its blank-line end.</summary>
    public static string[] Frames(string body) => body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _http.Dispose();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (ownsEmulator)
        {
            await emulator.DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> PostAsync(
        Uri uri, string body, string? apiKey, bool sse, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        Authorize(request, apiKey);
        if (sse)
        {
            request.Headers.Add("X-DashScope-SSE", "enable");
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static void Authorize(HttpRequestMessage request, string? apiKey)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }
}
