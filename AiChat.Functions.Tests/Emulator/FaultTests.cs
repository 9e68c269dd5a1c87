namespace AiChat.Functions.Tests.Emulator;

public sealed class FaultTests
{
    private const string Help = " For details, see: https://help.aliyun.com/zh/model-studio/error-code";

    [Theory]
    [InlineData("invalid-key", 401, "invalid_api_key", "invalid_request_error", "Incorrect API key provided." + Help + "#apikey-error")]
    [InlineData("unknown-model", 404, "model_not_found", "invalid_request_error", "The model `qwen-plus` does not exist or you do not have access to it.")]
    [InlineData("rate-limit-requests", 429, "limit_requests", "limit_requests", "You have exceeded your current request limit." + Help + "#rate-limit")]
    [InlineData("rate-limit-tokens", 429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota, please check your plan and billing details." + Help + "#rate-limit")]
    [InlineData("rate-limit-burst", 429, "limit_burst_rate", "limit_burst_rate", "Request rate increased too quickly. To ensure system stability, please adjust your client logic to scale requests more smoothly over time." + Help + "#rate-limit")]
    [InlineData("internal-error", 500, "internal_error", "internal_error", "An internal error has occurred, please try again later or contact service support.")]
    [InlineData("model-unavailable", 503, "ServiceUnavailable", "ServiceUnavailable", "Model is unavailable, please try again later.")]
    [InlineData("moderation", 400, "data_inspection_failed", "data_inspection_failed", "Output data may contain inappropriate content.")]
    public async Task A_compatible_fault_answers_its_status_in_the_openai_error_envelope(
        string fault, int status, string code, string type, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible($"hi [[fault:{fault}]]"));
        var body = await EmulatorClient.ReadBodyAsync(response, (HttpStatusCode)status, "application/json");

        Assert.Null(response.Headers.RetryAfter);
        var requestId = JsonDocument.Parse(body).RootElement.GetProperty("request_id").GetString();
        Assert.Equal(
            $$"""{"error":{"message":"{{message}}","type":"{{type}}","param":null,"code":"{{code}}"},"request_id":"{{requestId}}"}""",
            body);
    }

    [Theory]
    [InlineData("invalid-key", 401, "InvalidApiKey", "Invalid API-key provided.")]
    [InlineData("unknown-model", 400, "InvalidParameter", "Model not exist.")]
    [InlineData("rate-limit-requests", 429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later.")]
    [InlineData("rate-limit-tokens", 429, "Throttling.AllocationQuota", "Allocated quota exceeded, please increase your quota limit.")]
    [InlineData("rate-limit-burst", 429, "Throttling.BurstRate", "Request rate increased too quickly. To ensure system stability, please adjust your client logic to scale requests more smoothly over time.")]
    [InlineData("internal-error", 500, "InternalError", "An internal error has occurred, please try again later or contact service support.")]
    [InlineData("model-unavailable", 503, "ModelUnavailable", "Model is unavailable, please try again later.")]
    [InlineData("moderation", 400, "DataInspectionFailed", "Output data may contain inappropriate content.")]
    public async Task A_native_fault_answers_its_status_with_a_flat_error(string fault, int status, string code, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native($"hi [[fault:{fault}]]"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        var requestId = response.Headers.GetValues("X-Request-ID").Single();
        Assert.Equal(
            $$"""{"code":"{{code}}","message":"{{message}}","request_id":"{{requestId}}"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("invalid-key", 401, "invalid_api_key")]
    [InlineData("unknown-model", 404, "model_not_found")]
    [InlineData("rate-limit-tokens", 429, "insufficient_quota")]
    [InlineData("internal-error", 500, "internal_error")]
    [InlineData("model-unavailable", 503, "ServiceUnavailable")]
    public async Task A_compatible_stream_refused_before_generation_gets_the_status_and_one_sse_error_frame(
        string fault, int status, string code)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible($"hi [[fault:{fault}]]", stream: true));
        var body = await EmulatorClient.ReadBodyAsync(response, (HttpStatusCode)status, "text/event-stream");

        Assert.StartsWith("data: {\"error\":{", body, StringComparison.Ordinal);
        Assert.EndsWith("}\n\n", body, StringComparison.Ordinal);
        Assert.Single(EmulatorClient.Frames(body));
        using var json = JsonDocument.Parse(body["data: ".Length..]);
        Assert.Equal(code, json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("", 200, "text/event-stream")]
    [InlineData("[[native-stream-error:frame]]", 200, "text/event-stream")]
    [InlineData("[[native-stream-error:sse]]", 429, "text/event-stream")]
    [InlineData("[[native-stream-error:json]]", 429, "application/json")]
    public async Task A_native_stream_refused_before_generation_answers_in_the_chosen_shape(
        string shape, int status, string mediaType)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native($"hi [[fault:rate-limit-requests]]{shape}"), sse: true);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var requestId = response.Headers.GetValues("X-Request-ID").Single();
        var error = $$"""{"code":"Throttling.RateQuota","message":"Requests rate limit exceeded, please try again later.","request_id":"{{requestId}}"}""";
        var expected = mediaType == "application/json" ? error : $"id:1\nevent:error\n:HTTP_STATUS/429\ndata:{error}\n\n";
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_native_stream_with_a_wrong_key_gets_an_error_frame_carrying_401()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hi"), sse: true, apiKey: "sk-wrong");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(
            "id:1\nevent:error\n:HTTP_STATUS/401\ndata:{\"code\":\"InvalidApiKey\"",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[fault:explode]]", "explode")]
    [InlineData("[[native-stream-error:xml]]", "xml")]
    [InlineData("[[chunk-delay-ms:soon]]", "soon")]
    public async Task A_directive_with_an_unknown_value_is_answered_with_400(string directive, string value)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native($"hi {directive}"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameter", json.RootElement.GetProperty("code").GetString());
        Assert.Contains($"'{value}'", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_then_succeed_fails_the_first_request_for_a_text_and_answers_the_retry()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var first = await client.PostCompatibleAsync(ChatBodies.Compatible("retry me [[fault:fail-then-succeed]]"));
        using var other = await client.PostNativeAsync(ChatBodies.Native("another text [[fault:fail-then-succeed]]"));
        using var retry = await client.PostCompatibleAsync(ChatBodies.Compatible("retry me [[fault:fail-then-succeed]]"));
        using var otherRetry = await client.PostNativeAsync(ChatBodies.Native("another text [[fault:fail-then-succeed]]"));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Contains("\"code\":\"internal_error\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, other.StatusCode);
        Assert.Contains("\"code\":\"InternalError\"", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("\"content\":\"You said: retry me\"", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherRetry.StatusCode);
    }

    [Fact]
    public async Task Fail_then_succeed_fails_a_stream_before_it_starts()
    {
        await using var client = await EmulatorClient.StartAsync();
        var body = ChatBodies.Compatible("stream me [[fault:fail-then-succeed]]", stream: true);

        using var first = await client.PostCompatibleAsync(body);
        using var retry = await client.PostCompatibleAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.StartsWith("data: {\"error\":", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.EndsWith("data: [DONE]\n\n", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
