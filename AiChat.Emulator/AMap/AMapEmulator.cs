using Microsoft.AspNetCore.Builder;

namespace AiChat.Emulator.AMap;

/// <summary>
/// A stand-in for the AMap web service (docs/emulators.md#the-amap-emulator) on a loopback port: weather, POI search, input tips,
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
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QpsPerKey, 1);

        var builder = LoopbackApp.CreateBuilder(options.Port);
        var app = builder.Build();
        var journal = new AMapJournal(options, TimeProvider.System);
        var endpoint = new AMapEndpoint(journal, TimeProvider.System);
        app.MapGet("/v3/{**path}", endpoint.HandleAsync);
        var address = await LoopbackApp.StartAsync(app, cancellationToken);
        return new AMapEmulator(app, journal, address);
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
