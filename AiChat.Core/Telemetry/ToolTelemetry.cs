using System.Diagnostics;
using AiChat.Core.Geo;

namespace AiChat.Core.Telemetry;

/// <summary>
/// An <c>execute_tool {name}</c> span around one geo tool call, as Microsoft.Extensions.AI's FunctionInvokingChatClient
/// makes them; arguments and result only when message content is captured.
/// </summary>
internal static class ToolTelemetry
{
    /// <summary>Set from the host's settings at registration: process-wide, as the ActivitySource is (one AiChat per process).</summary>
    public static bool CaptureMessageContent { get; set; }

    public static async Task<GeoToolResult> TraceAsync(string name, string callId, string? arguments, Func<Task<GeoToolResult>> invoke)
    {
        using var activity = AiChatDiagnostics.Source.HasListeners() ? Start(name, callId, arguments) : null;
        var result = await invoke();
        if (activity is not null)
        {
            if (!result.Succeeded)
            {
                var errorType = result.ErrorCode ?? "provider_error";
                activity.SetTag(GenAINames.ErrorType, errorType).SetStatus(ActivityStatusCode.Error, errorType);
            }

            if (CaptureMessageContent)
            {
                activity.SetTag(GenAINames.ToolCallResult, result.ContentForModel);
            }
        }

        return result;
    }

    private static Activity? Start(string name, string callId, string? arguments)
    {
        var activity = AiChatDiagnostics.Source.StartActivity(
            $"{GenAINames.ExecuteTool} {name}",
            ActivityKind.Internal,
            default(ActivityContext),
            [
                new(GenAINames.OperationName, GenAINames.ExecuteTool),
                new(GenAINames.ToolType, GenAINames.ToolTypeFunction),
                new(GenAINames.ToolCallId, callId),
                new(GenAINames.ToolName, name),
            ]);
        if (CaptureMessageContent)
        {
            activity?.SetTag(GenAINames.ToolCallArguments, arguments);
        }

        return activity;
    }
}
