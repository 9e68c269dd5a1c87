using System.Diagnostics.CodeAnalysis;
using AiChat.Core.Geo;
using AiChat.Core.Images;

namespace AiChat.Core.Api;

/// <summary>Either a valid request or the error that refuses it.</summary>
internal sealed class ChatRequestReadResult
{
    public ChatRequestReadResult(ChatRequest request, string? sessionId = null) => (Request, SessionId) = (request, sessionId);

    public ChatRequestReadResult(ApiError error) => Error = error;

    public ChatRequest? Request { get; }

    public ApiError? Error { get; }

    /// <summary>The conversation the request continues, when it names one.</summary>
    public string? SessionId { get; }

    /// <summary>The typed stream's <c>client_context</c>, when the request carried one.</summary>
    public ClientContext? ClientContext { get; init; }

    /// <summary>The request's image parts, not yet checked (<see cref="ImageIntake"/>).</summary>
    public IReadOnlyList<ImagePart> Images { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Request is not null;
}
