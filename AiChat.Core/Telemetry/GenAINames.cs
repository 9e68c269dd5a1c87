namespace AiChat.Core.Telemetry;

/// <summary>
/// The OpenTelemetry GenAI semantic conventions' names, as Microsoft.Extensions.AI's OpenTelemetryChatClient writes
/// them, so that dashboards and queries made for it read AiChat's telemetry too.
/// </summary>
internal static class GenAINames
{
    public const string Chat = "chat";
    public const string ExecuteTool = "execute_tool";
    public const string Provider = "dashscope";
    public const string ToolTypeFunction = "function";

    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string RequestMaxTokens = "gen_ai.request.max_tokens";
    public const string RequestSeed = "gen_ai.request.seed";
    public const string RequestStream = "gen_ai.request.stream";
    public const string RequestTemperature = "gen_ai.request.temperature";
    public const string RequestTopP = "gen_ai.request.top_p";
    public const string ResponseId = "gen_ai.response.id";
    public const string ResponseModel = "gen_ai.response.model";
    public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
    public const string ResponseTimeToFirstChunk = "gen_ai.response.time_to_first_chunk";
    public const string UsageInputTokens = "gen_ai.usage.input_tokens";
    public const string UsageOutputTokens = "gen_ai.usage.output_tokens";
    public const string InputMessages = "gen_ai.input.messages";
    public const string OutputMessages = "gen_ai.output.messages";
    public const string TokenType = "gen_ai.token.type";
    public const string ToolName = "gen_ai.tool.name";
    public const string ToolType = "gen_ai.tool.type";
    public const string ToolCallId = "gen_ai.tool.call.id";
    public const string ToolCallArguments = "gen_ai.tool.call.arguments";
    public const string ToolCallResult = "gen_ai.tool.call.result";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";

    public const string TokenUsageMetric = "gen_ai.client.token.usage";
    public const string OperationDurationMetric = "gen_ai.client.operation.duration";
    public const string TimeToFirstChunkMetric = "gen_ai.client.operation.time_to_first_chunk";

    /// <summary>The conventions' explicit bucket boundaries for <see cref="OperationDurationMetric"/> (and time to first chunk), in seconds.</summary>
    public static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>The conventions' explicit bucket boundaries for <see cref="TokenUsageMetric"/>.</summary>
    public static readonly int[] TokenBuckets = [1, 4, 16, 64, 256, 1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 67_108_864];
}
