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

    /// <summary>Reads a body to its end, or to where the connection broke.</summary>
    public static async Task<(string Text, bool Broken)> ReadUntilEndOrBreakAsync(HttpResponseMessage response)
    {
        using var received = new MemoryStream();
        try
        {
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(received);
            return (Encoding.UTF8.GetString(received.ToArray()), false);
        }
        catch (IOException)
        {
            return (Encoding.UTF8.GetString(received.ToArray()), true);
        }
    }

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
