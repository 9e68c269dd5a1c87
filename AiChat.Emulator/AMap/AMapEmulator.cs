using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiChat.Emulator.AMap;

/// <summary>
/// A stand-in for the AMap web service (geo-contract.md §2.10) on a loopback port: weather, POI search, input tips,
/// geocoding and reverse geocoding over a small fixed world, in AMap's own envelopes, with faults picked per request
/// by <c>[[amap:SPEC]]</c> markers in a query value (see <see cref="AMapFault"/>). Any key is accepted; none is logged.
/// </summary>
public sealed class AMapEmulator : IAsyncDisposable
{
    /// <summary>A POI id whose name reads like an instruction to the model, for injection tests.</summary>
    public const string InstructionLikePoiId = AMapWorld.InstructionLikePoiId;

    public const string InstructionLikePoiName = AMapWorld.InstructionLikePoiName;

    private readonly WebApplication _app;
    private readonly AMapJournal _journal;
    private int _disposed;

    private AMapEmulator(WebApplication app, AMapJournal journal, Uri address)
    {
        _app = app;
        _journal = journal;
        Address = address;
    }

    /// <summary>The root to use as AMAP_BASE_URL, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri Address { get; }

    public int ReceivedRequests => _journal.Received.Count;

    /// <summary>A snapshot in arrival order; empty when <see cref="AMapEmulatorOptions.RecordRequests"/> is false.</summary>
    public IReadOnlyList<ReceivedAMapRequest> Requests => _journal.Snapshot();

    public static async Task<AMapEmulator> StartAsync(AMapEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AMapEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QpsPerKey, 1);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // No logging at all: ASP.NET Core's "Request starting" line would carry the query string, key included.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.Zero);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

        var app = builder.Build();
        var journal = new AMapJournal(options, TimeProvider.System);
        var endpoint = new AMapEndpoint(journal, TimeProvider.System);
        app.MapGet("/v3/{**path}", (RequestDelegate)endpoint.HandleAsync);
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
        return new AMapEmulator(app, journal, new Uri(bound.Addresses.Single() + "/"));
    }

    public Task WaitForReceivedRequestsAsync(int count, CancellationToken cancellationToken) =>
        _journal.Received.WaitAsync(count, cancellationToken);

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
