using AiChat.Emulator;

namespace AiChat.Server;

/// <summary>
/// In Development with no key configured (neither DASHSCOPE_API_KEY nor KEY_VAULT_URI), the self-host runs against
/// the DashScope emulator on a loopback port, so that a fresh clone answers every endpoint without an Alibaba Cloud account.
/// </summary>
internal static class EmbeddedEmulator
{
    public static async Task UseEmbeddedEmulatorWithoutKeyAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment() || configuration["DASHSCOPE_API_KEY"] is { Length: > 0 } || configuration["KEY_VAULT_URI"] is { Length: > 0 })
        {
            return;
        }

        var emulator = await DashScopeEmulator.StartAsync();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DASHSCOPE_BASE_URL"] = emulator.BaseUrlFor(configuration["DASHSCOPE_BASE_URL"]).AbsoluteUri,
            ["DASHSCOPE_API_KEY"] = emulator.Options.ApiKey,
            ["AICHAT_EMULATED_UPSTREAM"] = "true",
        });
        builder.Services.AddSingleton<IHostedService>(provider => new EmbeddedEmulatorLifetime(emulator, "DashScope", "DASHSCOPE_API_KEY", emulator.Address, provider.GetRequiredService<ILogger<EmbeddedEmulatorLifetime>>()));
    }
}
