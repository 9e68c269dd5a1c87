namespace AiChat.Bench;

/// <summary>The Functions app through the stand-in: start-up, and completions and streams against the direct call.</summary>
internal sealed record FunctionsResult(FunctionsStartup Startup, IReadOnlyList<CompletionResult> Completions, StreamResult Streams);
