using System.Diagnostics;

namespace AiChat.Core.Telemetry;

/// <summary>
/// What every GenAI span and measurement of one upstream says about where it went, and how a call's span starts and
/// ends. The tags follow Microsoft.Extensions.AI's OpenTelemetryChatClient.
/// </summary>
internal sealed class GenAIEndpoint(Uri baseUrl, bool captureMessageContent)
{
    private readonly string _address = baseUrl.Host;
    private readonly int _port = baseUrl.Port;

    public bool CaptureMessageContent => captureMessageContent;

    public Activity? StartChat(ChatRequest request, bool streaming)
    {
        if (!AiChatDiagnostics.Source.HasListeners())
        {
            return null;
        }

        var activity = AiChatDiagnostics.Source.StartActivity($"{GenAINames.Chat} {request.Model}", ActivityKind.Client);
        if (activity is not { IsAllDataRequested: true })
        {
            return activity;
        }

        activity.SetTag(GenAINames.OperationName, GenAINames.Chat)
            .SetTag(GenAINames.RequestModel, request.Model)
            .SetTag(GenAINames.ProviderName, GenAINames.Provider)
            .SetTag(GenAINames.ServerAddress, _address)
            .SetTag(GenAINames.ServerPort, _port)
            .SetTag(GenAINames.RequestMaxTokens, request.MaxTokens)
            .SetTag(GenAINames.RequestTemperature, request.Temperature)
            .SetTag(GenAINames.RequestTopP, request.TopP)
            .SetTag(GenAINames.RequestSeed, request.Seed);
        if (streaming)
        {
            activity.SetTag(GenAINames.RequestStream, true);
        }

        if (captureMessageContent)
        {
            activity.SetTag(GenAINames.InputMessages, GenAIMessages.Input(request.Messages));
        }

        return activity;
    }

    /// <summary>Ends a call's span and records its duration and tokens; <paramref name="error"/> is null when it succeeded.</summary>
    public void Finish(Activity? activity, ChatRequest request, GenAIOutcome outcome, Exception? error, TimeSpan elapsed)
    {
        var errorType = error is null ? null : ErrorTypes.Of(error);
        if (AiChatDiagnostics.OperationDuration.Enabled)
        {
            var tags = MetricTags(request.Model, outcome.ResponseModel);
            if (errorType is not null)
            {
                tags.Add(GenAINames.ErrorType, errorType);
            }

            AiChatDiagnostics.OperationDuration.Record(elapsed.TotalSeconds, tags);
        }

        if (AiChatDiagnostics.TokenUsage.Enabled && outcome.Usage is { } usage)
        {
            var input = MetricTags(request.Model, outcome.ResponseModel);
            input.Add(GenAINames.TokenType, "input");
            AiChatDiagnostics.TokenUsage.Record(usage.PromptTokens, input);
            var output = MetricTags(request.Model, outcome.ResponseModel);
            output.Add(GenAINames.TokenType, "output");
            AiChatDiagnostics.TokenUsage.Record(usage.CompletionTokens, output);
        }

        if (activity is null)
        {
            return;
        }

        if (errorType is not null)
        {
            // The status says what failed by its type only: an upstream's error message may quote the request.
            activity.SetTag(GenAINames.ErrorType, errorType).SetStatus(ActivityStatusCode.Error, errorType);
        }

        activity.SetTag(GenAINames.ResponseId, outcome.ResponseId)
            .SetTag(GenAINames.ResponseModel, outcome.ResponseModel)
            .SetTag(GenAINames.ResponseTimeToFirstChunk, outcome.TimeToFirstChunk?.TotalSeconds);
        if (outcome.FinishReason is { } finishReason)
        {
            activity.SetTag(GenAINames.ResponseFinishReasons, new[] { finishReason });
        }

        if (outcome.Usage is { } tokens)
        {
            activity.SetTag(GenAINames.UsageInputTokens, tokens.PromptTokens).SetTag(GenAINames.UsageOutputTokens, tokens.CompletionTokens);
        }

        if (captureMessageContent && error is null)
        {
            activity.SetTag(GenAINames.OutputMessages, GenAIMessages.Output(outcome.Text, outcome.ToolCalls, outcome.FinishReason));
        }
    }

    public TagList MetricTags(string requestModel, string? responseModel = null)
    {
        var tags = new TagList
        {
            { GenAINames.OperationName, GenAINames.Chat },
            { GenAINames.RequestModel, requestModel },
            { GenAINames.ProviderName, GenAINames.Provider },
            { GenAINames.ServerAddress, _address },
            { GenAINames.ServerPort, _port },
        };
        if (responseModel is not null)
        {
            tags.Add(GenAINames.ResponseModel, responseModel);
        }

        return tags;
    }
}
