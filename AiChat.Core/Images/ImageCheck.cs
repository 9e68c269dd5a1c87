using System.Diagnostics.CodeAnalysis;

namespace AiChat.Core.Images;

/// <summary>An image part checked: the image to send, or the error that refuses the request.</summary>
internal sealed record ImageCheck(ChatImage? Image, ApiError? Error)
{
    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Image is not null;
}
