using AiChat.Core.Api;

namespace AiChat.Functions.Tests.Api;

public sealed class ChatRequestParserTests
{
    private static readonly AiChatOptions Options = new() { DefaultModel = "qwen-plus", Models = [.. DefaultModelCatalog.Create()] };

    [Fact]
    public void Request_without_model_gets_the_configured_default_and_keeps_the_messages_in_order()
    {
        var result = ChatRequestParser.Parse(Json.Parse("""
            {"messages":[{"role":"system","content":"s"},{"role":"user","content":"u"},{"role":"assistant","content":"a"}],"stream":true,"extra":1}
            """), Options);

        Assert.True(result.IsValid);
        Assert.Equal("qwen-plus", result.Request.Model);
        Assert.Equal([new ChatMessage("system", "s"), new ChatMessage("user", "u"), new ChatMessage("assistant", "a")], result.Request.Messages);
        Assert.Equal((null, null, null), (result.Request.Temperature, result.Request.TopP, result.Request.MaxTokens));
    }

    [Fact]
    public void Sampling_settings_are_carried_and_nulls_mean_absent()
    {
        var result = ChatRequestParser.Parse(Json.Parse("""
            {"model":"qwen-turbo","temperature":1.99,"top_p":null,"max_tokens":16384,"messages":[{"role":"user","content":"u"}]}
            """), Options);

        Assert.True(result.IsValid);
        Assert.Equal((1.99, null, 16384), (result.Request.Temperature, result.Request.TopP, result.Request.MaxTokens));
    }

    [Fact]
    public void Max_tokens_cap_is_the_requested_models_own()
    {
        var result = ChatRequestParser.Parse(Json.Parse("""{"model":"qwen-turbo","max_tokens":16385,"messages":[{"role":"user","content":"u"}]}"""), Options);

        Assert.False(result.IsValid);
        Assert.Equal("max_tokens", result.Error.Field);
        Assert.Contains("16384", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void The_number_of_messages_is_capped_by_the_setting(int count, bool valid)
    {
        var options = new AiChatOptions { DefaultModel = "qwen-plus", Models = [.. DefaultModelCatalog.Create()], MaxRequestMessages = 3 };
        var messages = string.Join(',', Enumerable.Repeat("""{"role":"user","content":"u"}""", count));

        var result = ChatRequestParser.Parse(Json.Parse($$"""{"messages":[{{messages}}]}"""), options);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? null : "messages", result.Error?.Field);
    }

    [Theory]
    [InlineData("\u200bhi\u200b")]
    [InlineData("\ud55c")]
    [InlineData("\ud83d\ude00")]
    [InlineData("\u3000.")]
    [InlineData("\u0301")]
    public void A_message_with_anything_visible_in_it_is_accepted(string escaped)
    {
        var result = ChatRequestParser.Parse(Json.Parse($$"""{"message":"{{escaped}}"}"""), Options, ChatBodyShape.Message);

        Assert.True(result.IsValid, result.Error?.Message);
    }
}
