using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AiChat.Functions.Tests.Configuration;

public sealed class AiChatOptionsValidatorTests
{
    private static readonly IHostEnvironment Production = new HostingEnvironment { EnvironmentName = Environments.Production };

    [Theory]
    [InlineData("https://dashscope.aliyuncs.com/api/v1", nameof(DashScopeProtocol.Native))]
    [InlineData("https://dashscope-intl.aliyuncs.com/compatible-mode/v1", nameof(DashScopeProtocol.CompatibleMode))]
    [InlineData("https://dashscope.aliyuncs.com/compatible-mode/v1/", nameof(DashScopeProtocol.CompatibleMode))]
    public void Base_url_chooses_the_protocol(string baseUrl, string protocol)
    {
        var options = Valid(baseUrl);

        Assert.True(new AiChatOptionsValidator(Production).Validate(null, options).Succeeded);
        Assert.Equal(protocol, options.Protocol.ToString());
    }

    [Theory]
    [InlineData("https://dashscope.aliyuncs.com/v1")]
    [InlineData("ftp://dashscope.aliyuncs.com/api/v1")]
    [InlineData("dashscope.aliyuncs.com/api/v1")]
    public void Base_url_of_neither_protocol_is_refused(string baseUrl)
    {
        var result = new AiChatOptionsValidator(Production).Validate(null, Valid(baseUrl));

        Assert.True(result.Failed);
        Assert.Contains("DASHSCOPE_BASE_URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_model_missing_from_the_catalogue_is_refused()
    {
        var options = Valid("https://dashscope.aliyuncs.com/api/v1");
        options.DefaultModel = "qwen-unknown";

        Assert.Contains("DASHSCOPE_MODEL", new AiChatOptionsValidator(Production).Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_cap_below_one_is_refused()
    {
        var options = Valid("https://dashscope.aliyuncs.com/api/v1");
        options.MaxRequestMessages = 0;

        Assert.Contains("MAX_REQUEST_MESSAGES", new AiChatOptionsValidator(Production).Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_base_url_off_this_machine_is_refused_in_production()
    {
        var result = new AiChatOptionsValidator(Production).Validate(null, Valid("http://dashscope.example.com/api/v1"));

        Assert.True(result.Failed);
        Assert.Contains("DASHSCOPE_BASE_URL must be https in Production", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "http://127.0.0.1:5080/api/v1")]
    [InlineData("Production", "http://localhost:5080/compatible-mode/v1")]
    [InlineData("Development", "http://dashscope.example.com/api/v1")]
    public void Plain_http_base_url_is_allowed_on_loopback_or_outside_production(string environment, string baseUrl)
    {
        var validator = new AiChatOptionsValidator(new HostingEnvironment { EnvironmentName = environment });

        Assert.True(validator.Validate(null, Valid(baseUrl)).Succeeded);
    }

    private static AiChatOptions Valid(string baseUrl) => new() { BaseUrl = baseUrl, Models = [.. DefaultModelCatalog.Create()] };
}
