using System.Diagnostics.CodeAnalysis;
using AiChat.Core.Chat;

namespace AiChat.Core.Api;

/// <summary>Either a valid request or the error that refuses it.</summary>
public sealed class ChatRequestReadResult
{
    public ChatRequestReadResult(ChatRequest request, string? sessionId = null) => (Request, SessionId) = (request, sessionId);

    public ChatRequestReadResult(ApiError error) => Error = error;

    public ChatRequest? Request { get; }

    public ApiError? Error { get; }

    /// <summary>The conversation the request continues, when it names one.</summary>
    public string? SessionId { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Request is not null;
}
