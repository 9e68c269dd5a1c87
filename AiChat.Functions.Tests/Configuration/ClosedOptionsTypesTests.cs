using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AiChat.Functions.Tests.Configuration;

/// <summary>
/// AiChat's options registered as closed types (for the native build's start-up) must behave as the framework's open
/// registrations do: bound, post-configured, validated, one value whichever interface asks.
/// </summary>
public sealed class ClosedOptionsTypesTests
{
    [Fact]
    public void Options_and_monitor_give_the_one_bound_and_post_configured_value()
    {
        using var provider = Services(new() { ["Name"] = "bound" }).BuildServiceProvider();

        var value = provider.GetRequiredService<IOptions<Sample>>().Value;

        Assert.Equal("bound", value.Name);
        Assert.True(value.PostConfigured);
        Assert.Same(value, provider.GetRequiredService<IOptionsMonitor<Sample>>().CurrentValue);
        Assert.Same(value, provider.GetRequiredService<IOptionsMonitor<Sample>>().Get(Options.DefaultName));
    }

    [Fact]
    public void Invalid_settings_are_refused_through_either_interface()
    {
        using var provider = Services(new() { ["Name"] = "" }).BuildServiceProvider();

        var viaOptions = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Sample>>().Value);
        Assert.Contains("Name is required", viaOptions.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<Sample>>().CurrentValue);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Services.AddOptions<Sample>().Bind(Configuration(new() { ["Name"] = "" })).ValidateAtStart<Sample, SampleValidator>();
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddOptions<Sample>().Bind(Configuration(settings)).ValidateAtStart<Sample, SampleValidator>()
            .PostConfigure(sample => sample.PostConfigured = true);
        return services;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public sealed class Sample
    {
        public string Name { get; set; } = "";

        public bool PostConfigured { get; set; }
    }

    private sealed class SampleValidator : IValidateOptions<Sample>
    {
        public ValidateOptionsResult Validate(string? name, Sample options) =>
            options.Name.Length > 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("Name is required.");
    }
}
