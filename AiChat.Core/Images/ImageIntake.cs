namespace AiChat.Core.Images;

/// <summary>The step between reading a request and its turn: every image part checked and re-encoded, then attached to its message.</summary>
internal sealed class ImageIntake(ImageNormalizer normalizer)
{
    /// <summary>The request with its images attached, or the first image's refusal; nothing goes upstream before this.</summary>
    public async Task<(ChatRequest? Request, ApiError? Error)> AttachAsync(ChatRequest request, IReadOnlyList<ImagePart> parts, CancellationToken cancellationToken)
    {
        if (parts.Count == 0)
        {
            return (request, null);
        }

        var images = new Dictionary<int, List<ChatImage>>();
        foreach (var part in parts)
        {
            var check = await normalizer.NormalizeAsync(part, cancellationToken);
            if (!check.IsValid)
            {
                return (null, check.Error);
            }

            if (!images.TryGetValue(part.Message, out var list))
            {
                images[part.Message] = list = [];
            }

            list.Add(check.Image);
        }

        var messages = new ChatMessage[request.Messages.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = images.TryGetValue(i, out var attached) ? request.Messages[i] with { Images = attached } : request.Messages[i];
        }

        return (request with { Messages = messages }, null);
    }
}
