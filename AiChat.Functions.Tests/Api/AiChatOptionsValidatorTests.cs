using AiChat.Core.Configuration;

namespace AiChat.Functions.Tests.Api;

public sealed class AiChatOptionsValidatorTests
{
    [Theory]
    [InlineData("https://dashscope.aliyuncs.com/api/v1", nameof(DashScopeProtocol.Native))]
    [InlineData("https://dashscope-intl.aliyuncs.com/compatible-mode/v1", nameof(DashScopeProtocol.CompatibleMode))]
    [InlineData("https://dashscope.aliyuncs.com/compatible-mode/v1/", nameof(DashScopeProtocol.CompatibleMode))]
    public void Base_url_chooses_the_protocol(string baseUrl, string protocol)
    {
        var options = Valid(baseUrl);

        Assert.True(new AiChatOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(protocol, options.Protocol.ToString());
    }

    [Theory]
    [InlineData("https://dashscope.aliyuncs.com/v1")]
    [InlineData("ftp://dashscope.aliyuncs.com/api/v1")]
    [InlineData("dashscope.aliyuncs.com/api/v1")]
    public void Base_url_of_neither_protocol_is_refused(string baseUrl)
    {
        var result = new AiChatOptionsValidator().Validate(null, Valid(baseUrl));

        Assert.True(result.Failed);
        Assert.Contains("DASHSCOPE_BASE_URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_model_missing_from_the_catalogue_is_refused()
    {
        var options = Valid("https://dashscope.aliyuncs.com/api/v1");
        options.DefaultModel = "qwen-unknown";

        Assert.Contains("DASHSCOPE_MODEL", new AiChatOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_cap_below_one_is_refused()
    {
        var options = Valid("https://dashscope.aliyuncs.com/api/v1");
        options.MaxRequestMessages = 0;

        Assert.Contains("MAX_REQUEST_MESSAGES", new AiChatOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    private static AiChatOptions Valid(string baseUrl) => new() { BaseUrl = baseUrl, Models = [.. DefaultModelCatalog.Create()] };
}
