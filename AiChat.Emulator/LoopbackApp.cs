using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiChat.Emulator;

/// <summary>The Kestrel app behind each emulator: lean, quiet, loopback only, and stopped without waiting for open streams.</summary>
internal static class LoopbackApp
{
    public static WebApplicationBuilder CreateBuilder(int port, HttpProtocols protocols = HttpProtocols.Http1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });

        // An emulator often runs inside another host's process: its configuration (URLs, Kestrel endpoints, log
        // levels) belongs to that host and must not leak in. No logging at all also keeps request lines, which can
        // carry keys in query strings, out of every log.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols);
        });

        // Stopping drops streams still open instead of waiting for them.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.Zero);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        return builder;
    }

    /// <returns>The address it listens on, e.g. <c>http://127.0.0.1:41234/</c>.</returns>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(bound.Addresses.Single() + "/");
    }
}
