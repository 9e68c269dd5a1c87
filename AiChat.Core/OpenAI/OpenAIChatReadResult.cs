using System.Diagnostics.CodeAnalysis;
using AiChat.Core.Images;

namespace AiChat.Core.OpenAI;

/// <summary>A valid <c>/v1/chat/completions</c> request, or the error that refuses it.</summary>
internal sealed class OpenAIChatReadResult
{
    public OpenAIChatReadResult(ChatRequest request, bool stream, bool includeUsage) => (Request, Stream, IncludeUsage) = (request, stream, includeUsage);

    public OpenAIChatReadResult(ApiError error) => Error = error;

    public ChatRequest? Request { get; }

    public bool Stream { get; }

    /// <summary><c>stream_options.include_usage</c>: end the stream with a usage chunk.</summary>
    public bool IncludeUsage { get; }

    public ApiError? Error { get; }

    /// <summary>The request's image parts, not yet checked (<see cref="ImageIntake"/>).</summary>
    public IReadOnlyList<ImagePart> Images { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Request is not null;
}
