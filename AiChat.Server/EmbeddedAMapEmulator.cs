using AiChat.Emulator.AMap;

namespace AiChat.Server;

/// <summary>
/// In Development with no AMap key (neither AMAP_API_KEY nor KEY_VAULT_URI) and GEO_ASSISTANT not off, the geo tools
/// call the AMap emulator on a loopback port, so that a fresh clone answers "北京今天天气怎么样？" without an AMap account.
/// </summary>
internal static class EmbeddedAMapEmulator
{
    public static async Task UseEmbeddedAMapEmulatorWithoutKeyAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment() || configuration["AMAP_API_KEY"] is { Length: > 0 }
            || configuration["KEY_VAULT_URI"] is { Length: > 0 } || configuration["GEO_ASSISTANT"] == "off")
        {
            return;
        }

        var emulator = await AMapEmulator.StartAsync();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AMAP_BASE_URL"] = emulator.Address.AbsoluteUri,
            // The emulator takes any key; one in the setting makes it the configured AMap as far as the app can tell.
            ["AMAP_API_KEY"] = "emulated",
        });
        builder.Services.AddSingleton<IHostedService>(provider => new EmbeddedEmulatorLifetime(emulator, "AMap", "AMAP_API_KEY", emulator.Address, provider.GetRequiredService<ILogger<EmbeddedEmulatorLifetime>>()));
    }
}
