using Microsoft.Extensions.Hosting;

namespace AiChat.Functions.Tests.OpenAI;

public sealed class ClientKeySettingsTests
{
    private const string DashScopeKey = "sk-dashscope-0123456789abcdef";

    [Theory]
    [InlineData("ck-short", "entry 1 is shorter than 16")]
    [InlineData("ck-long-enough-0123456789, ck-short", "entry 2 is shorter than 16")]
    [InlineData(DashScopeKey, "entry 1 is the DashScope key")]
    public async Task A_short_client_key_or_the_DashScope_key_stops_start_up_without_showing_the_key(string keys, string reason)
    {
        using var host = Build(keys);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CLIENT_API_KEYS " + reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ck-short", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DashScopeKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ck-long-enough-0123456789")]
    [InlineData(" ck-long-enough-0123456789 , ck-another-one-0123456789 ,")]
    public async Task No_client_keys_or_long_ones_start(string keys)
    {
        using var host = Build(keys);

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost Build(string keys) =>
        BareHost.Build(new Dictionary<string, string?> { ["CLIENT_API_KEYS"] = keys, ["DASHSCOPE_API_KEY"] = DashScopeKey, ["ALLOW_UNBOUNDED_SPEND"] = "true" });
}
