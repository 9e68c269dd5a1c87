using AiChat.Emulator.AMap;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// AiChat with the geo assistant on, as a user turns it on: an AMap key and AMAP_BASE_URL, here pointing at the AMap
/// emulator, beside the DashScope emulator.
/// </summary>
public abstract class GeoBackend : EmulatedBackend
{
    public const string AMapKey = "amap-test-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    public AMapEmulator AMap { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AMAP_API_KEY"] = AMapKey,
        ["AMAP_BASE_URL"] = AMap.Address.AbsoluteUri,
    };

    public override async Task InitializeAsync()
    {
        AMap = await AMapEmulator.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await AMap.DisposeAsync();
    }
}

public sealed class NativeGeoBackend : GeoBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/api/v1";
}

public sealed class CompatibleModeGeoBackend : GeoBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/compatible-mode/v1";
}

public sealed class NativeFunctionsGeoBackend : GeoBackend
{
    public override HostKind Host => HostKind.Functions;

    public override string BasePath => "/api/v1";
}

public sealed class CompatibleModeFunctionsGeoBackend : GeoBackend
{
    public override HostKind Host => HostKind.Functions;

    public override string BasePath => "/compatible-mode/v1";
}
