using System.Diagnostics.CodeAnalysis;
using AiChat.Core.Chat;

namespace AiChat.Core.Api;

/// <summary>Either a valid request or the error that refuses it.</summary>
public sealed class ChatRequestReadResult
{
    public ChatRequestReadResult(ChatRequest request) => Request = request;

    public ChatRequestReadResult(ApiError error) => Error = error;

    public ChatRequest? Request { get; }

    public ApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Request is not null;
}
