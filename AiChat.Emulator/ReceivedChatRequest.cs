namespace AiChat.Emulator;

/// <summary>What one chat request looked like on the wire, for tests to assert the upstream call's shape.</summary>
public sealed class ReceivedChatRequest
{
    /// <summary><c>compatible</c> or <c>native</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The requested model; empty when the body had none.</summary>
    public required string Model { get; init; }

    /// <summary>Compatible: <c>"stream": true</c>. Native: header <c>X-DashScope-SSE: enable</c>.</summary>
    public required bool Stream { get; init; }

    public required IReadOnlyList<EmulatedMessage> Messages { get; init; }

    /// <summary>The path the request was posted to, e.g. <c>/api/v1/services/aigc/multimodal-generation/generation</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>The request's HTTP version as Kestrel names it, e.g. <c>HTTP/1.1</c> or <c>HTTP/2</c>.</summary>
    public string HttpVersion { get; init; } = "";

    /// <summary>The raw JSON body as received.</summary>
    public required string Body { get; init; }

    /// <summary>The raw Authorization header, null when absent.</summary>
    public string? Authorization { get; init; }

    /// <summary>Compatible only: <c>stream_options.include_usage</c> was true.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>Native only: <c>parameters.incremental_output</c> was true.</summary>
    public bool IncrementalOutput { get; init; }

    /// <summary>
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the first frame with text had been handed to the
    /// server (streams only), so a benchmark in the same process can time what happens after it.
    /// </summary>
    public long? FirstTextTimestamp { get; internal set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the emulator saw the caller abort; null otherwise.</summary>
    public long? AbortedTimestamp { get; internal set; }
}
