namespace AiChat.Core.Images;

/// <summary>
/// SESSION_MAX_IMAGE_BYTES, shared by both stores (RedisSessionStore's script implements the same rule): while the
/// images of a session take more bytes than the budget, its oldest image is replaced by <see cref="ImagePlaceholder.Dropped"/>.
/// The turn just appended is no exception: its images went upstream, but a session never keeps more than the budget.
/// </summary>
internal static class SessionImageBudget
{
    public static void Apply(List<ChatMessage> messages, long maxBytes)
    {
        var total = 0L;
        foreach (var message in messages)
        {
            total += Bytes(message);
        }

        for (var i = 0; i < messages.Count && total > maxBytes; i++)
        {
            if (messages[i].Images is not { } images)
            {
                continue;
            }

            var dropped = 0;
            while (dropped < images.Count && total > maxBytes)
            {
                total -= images[dropped++].Size;
            }

            messages[i] = ImagePlaceholder.Replace(messages[i], dropped, ImagePlaceholder.Dropped);
        }
    }

    private static long Bytes(ChatMessage message) => message.Images?.Sum(i => (long)i.Size) ?? 0;
}
