using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using ChatFinishReason = OpenAI.Chat.ChatFinishReason;
using ChatTool = OpenAI.Chat.ChatTool;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace AiChat.Functions.Tests.Hosts.OpenAI;

/// <summary>
/// The official OpenAI .NET SDK and Microsoft.Extensions.AI's IChatClient over it, unmodified but for base URL and
/// key, against AiChat in front of the emulator: once per DashScope protocol and host.
/// </summary>
public sealed class OpenAISdkTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.OpenAIClientKeys);

    private const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private OpenAIClient Client(string key = BackendSettings.ClientKey) =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = backend.V1, NetworkTimeout = Patience });

    [Theory, MatrixData]
    public async Task The_SDK_lists_the_models_and_finds_one(BackendVariant on)
    {
        await backend.UseAsync(on);
        var models = Client().GetOpenAIModelClient();

        var list = (await models.GetModelsAsync()).Value;
        var one = (await models.GetModelAsync("qwen-max")).Value;

        Assert.Contains(list, m => m.Id == "qwen-plus");
        Assert.Equal("qwen-max", one.Id);
        Assert.Equal("alibaba", one.OwnedBy);
    }

    [Theory, MatrixData]
    public async Task The_SDK_gets_a_completion_with_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        var completion = (await Client().GetChatClient("qwen-turbo").CompleteChatAsync([new UserChatMessage("hello there world")])).Value;

        Assert.Equal("You said: hello there world", Assert.Single(completion.Content).Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal((3, 5, 8), (completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount));
    }

    [Theory, MatrixData]
    public async Task The_SDK_streams_a_completion_and_its_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        var text = "";
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in Client().GetChatClient("qwen-plus").CompleteChatStreamingAsync([new UserChatMessage("hello there world")], new ChatCompletionOptions()))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            usage = update.Usage ?? usage;
            finish = update.FinishReason ?? finish;
        }

        Assert.Equal("You said: hello there world", text);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.Equal((3, 5, 8), (usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount));
    }

    [Theory, MatrixData]
    public async Task The_SDK_makes_a_tool_call_round_trip(BackendVariant on)
    {
        await backend.UseAsync(on);
        var chat = Client().GetChatClient("qwen-plus");
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Weather in a city", BinaryData.FromString(WeatherSchema)) } };
        List<SdkChatMessage> messages = [new UserChatMessage("杭州天气如何")];

        var first = (await chat.CompleteChatAsync(messages, options)).Value;
        var call = Assert.Single(first.ToolCalls);
        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, """{"city":"杭州市","live":{"weather":"晴","temperature_c":18}}"""));
        var second = (await chat.CompleteChatAsync(messages, options)).Value;

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("杭州市", JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("city").GetString());
        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        Assert.Equal("杭州市：晴， 气温 18°C。", Assert.Single(second.Content).Text);
    }

    [Theory, MatrixData]
    public async Task The_SDK_sees_a_wrong_key_as_a_401(BackendVariant on)
    {
        await backend.UseAsync(on);
        var refused = await Assert.ThrowsAsync<ClientResultException>(() => Client("ck-test-not-a-client-key-000").GetOpenAIModelClient().GetModelsAsync());
        var refusedChat = await Assert.ThrowsAsync<ClientResultException>(() => Client("ck-test-not-a-client-key-000").GetChatClient("qwen-plus").CompleteChatAsync([new UserChatMessage("no key c0ff")]));

        Assert.Equal(401, refused.Status);
        Assert.Equal(401, refusedChat.Status);
        Assert.Contains("invalid_api_key", refused.Message, StringComparison.Ordinal);
        Assert.Empty(backend.RequestsWith("no key c0ff"));
    }

    [Theory, MatrixData]
    public async Task The_SDK_sees_a_bad_request_as_a_400_and_nothing_goes_upstream(BackendVariant on)
    {
        await backend.UseAsync(on);
        var unknownModel = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetChatClient("gpt-4o").CompleteChatAsync([new UserChatMessage("bad d00d")]));
        var badTemperature = await Assert.ThrowsAsync<ClientResultException>(() =>
            Client().GetChatClient("qwen-plus").CompleteChatAsync([new UserChatMessage("bad d00d")], new ChatCompletionOptions { Temperature = 5 }));

        Assert.Equal(400, unknownModel.Status);
        Assert.Contains("model_not_found", unknownModel.Message, StringComparison.Ordinal);
        Assert.Equal(400, badTemperature.Status);
        Assert.Contains("temperature", badTemperature.Message, StringComparison.Ordinal);
        Assert.Empty(backend.RequestsWith("bad d00d"));
    }

    [Theory, MatrixData]
    public async Task The_SDK_reads_a_stream_that_fails_mid_way_to_its_end_with_the_text_so_far_and_no_finish_reason(BackendVariant on)
    {
        await backend.UseAsync(on);
        // The final {"error": ...} event is what openai-node and openai-python raise as an APIError; this SDK skips
        // it, so a .NET caller knows the answer is cut short by the missing finish reason.
        var text = "";
        ChatFinishReason? finish = null;
        await foreach (var update in Client().GetChatClient("qwen-plus").CompleteChatStreamingAsync([new UserChatMessage("moderated mid-way [[fault:moderation]]")], new ChatCompletionOptions()))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            finish = update.FinishReason ?? finish;
        }

        // The emulator sends part of the text, then the moderation error in place of the rest.
        Assert.Equal("You said: ", text);
        Assert.Null(finish);
    }

    [Theory, MatrixData]
    public async Task The_SDK_cancelling_a_stream_aborts_the_upstream_request(BackendVariant on)
    {
        await backend.UseAsync(on);
        var abortedBefore = backend.Emulator.AbortedRequests;
        using var cancel = new CancellationTokenSource();
        var updates = Client().GetChatClient("qwen-plus")
            .CompleteChatStreamingAsync([new UserChatMessage("a slow answer the caller cancels [[chunk-delay-ms:2000]]")], new ChatCompletionOptions(), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in updates)
            {
                await cancel.CancelAsync();
            }
        });

        using var patience = new CancellationTokenSource(Patience);
        await backend.Emulator.WaitForAbortedRequestsAsync(abortedBefore + 1, patience.Token);
    }

    [Theory, MatrixData]
    public async Task An_IChatClient_answers_and_streams_with_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var client = Client().GetChatClient("qwen-plus").AsIChatClient();

        var response = await client.GetResponseAsync("hello there world");
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("hello there world"))
        {
            updates.Add(update);
        }

        var streamed = updates.ToChatResponse();
        Assert.Equal("You said: hello there world", response.Text);
        Assert.Equal(8, response.Usage?.TotalTokenCount);
        Assert.Equal("You said: hello there world", streamed.Text);
        Assert.Equal(Microsoft.Extensions.AI.ChatFinishReason.Stop, streamed.FinishReason);
        Assert.Equal(8, streamed.Usage?.TotalTokenCount);
    }

    [Theory]
    [MatrixData(false)]
    [MatrixData(true)]
    public async Task An_IChatClient_with_function_invocation_calls_the_tool_and_answers(BackendVariant on, bool stream)
    {
        await backend.UseAsync(on);
        var calledWith = new List<string>();
        var weather = AIFunctionFactory.Create(
            (string city) =>
            {
                calledWith.Add(city);
                return new { city, live = new { weather = "晴", temperature_c = 18 } };
            },
            "get_weather",
            "Weather in a city");
        using var client = new ChatClientBuilder(Client().GetChatClient("qwen-plus").AsIChatClient()).UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [weather] };
        List<AIChatMessage> messages = [new(AIChatRole.User, "杭州天气如何")];

        string text;
        if (stream)
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in client.GetStreamingResponseAsync(messages, options))
            {
                updates.Add(update);
            }

            text = updates.ToChatResponse().Text;
        }
        else
        {
            text = (await client.GetResponseAsync(messages, options)).Text;
        }

        Assert.Equal(["杭州市"], calledWith);
        Assert.Equal("杭州市：晴， 气温 18°C。", text);
    }
}
