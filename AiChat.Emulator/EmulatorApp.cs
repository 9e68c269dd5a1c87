using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiChat.Emulator;

/// <summary>The Kestrel app behind a <see cref="DashScopeEmulator"/>: lean, quiet, loopback only.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, EmulatorState state)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });

        // The emulator often runs inside another host's process: its configuration (URLs, Kestrel endpoints,
        // log levels) belongs to that host and must not leak in.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        // Stopping drops streams still open instead of waiting for them.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.Zero);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

        var app = builder.Build();
        app.MapPost("/compatible-mode/v1/chat/completions", new ChatEndpoint(new CompatibleProtocol(), state).HandleAsync);
        app.MapGet("/compatible-mode/v1/models", new ModelsEndpoint(state).HandleAsync);
        app.MapPost("/api/v1/services/aigc/text-generation/generation", new ChatEndpoint(new NativeProtocol(), state).HandleAsync);
        return app;
    }
}
