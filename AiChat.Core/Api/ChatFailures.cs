using AiChat.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>
/// The one place a failed chat turn becomes what its client is told: the error (<see cref="ChatErrorMapper"/>, or
/// a bare 500 for anything else), logged once. A surface writes it as HTTP before its stream started, or as its
/// error event after.
/// </summary>
internal sealed class ChatFailures(IOptions<AiChatOptions> options, ILogger<ChatFailures> logger)
{
    public ApiError Describe(Exception exception, bool streamStarted)
    {
        var error = ChatErrorMapper.Map(exception, options.Value.RateLimitRetryAfterSeconds) ?? ExceptionErrorMapper.Map(exception);
        if (streamStarted)
        {
            ChatLog.StreamFailed(logger, error.Status, error.Code, error.UpstreamRequestId, exception);
        }
        else
        {
            ChatLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, exception);
        }

        return error;
    }
}
