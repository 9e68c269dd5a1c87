using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AiChat.Emulator;

/// <summary>The routes of a <see cref="DashScopeEmulator"/>.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, EmulatorState state)
    {
        var builder = LoopbackApp.CreateBuilder(options.Port, options.Http2Only ? HttpProtocols.Http2 : HttpProtocols.Http1);
        var app = builder.Build();
        app.MapPost("/compatible-mode/v1/chat/completions", new ChatEndpoint(new CompatibleProtocol(), state).HandleAsync);
        app.MapGet("/compatible-mode/v1/models", new ModelsEndpoint(state).HandleAsync);
        app.MapPost("/api/v1/services/aigc/text-generation/generation", new ChatEndpoint(new NativeProtocol(), state).HandleAsync);
        app.MapPost("/api/v1/services/aigc/multimodal-generation/generation", new ChatEndpoint(new NativeProtocol(multimodal: true), state).HandleAsync);
        return app;
    }
}
