namespace AiChat.Core.Images;

/// <summary>What stands in a message's text for an image that is no longer sent: one dropped from a session, or one a text-only model cannot read.</summary>
internal static class ImagePlaceholder
{
    public const string Dropped = "[image removed: the conversation's image budget was full]";

    public const string NotRead = "[image not shown: this model does not read images]";

    /// <summary>The message with its first <paramref name="count"/> images replaced by <paramref name="placeholder"/>.</summary>
    public static ChatMessage Replace(ChatMessage message, int count, string placeholder)
    {
        var images = message.Images!;
        var kept = images.Count > count ? images.Skip(count).ToArray() : null;
        var text = string.Join(' ', Enumerable.Repeat(placeholder, count).Append(message.Content).Where(t => t.Length > 0));
        return message with { Content = text, Images = kept };
    }

    /// <summary>The messages with every image replaced, for a model that does not read images; the same list when none has any.</summary>
    public static IReadOnlyList<ChatMessage> WithoutImages(IReadOnlyList<ChatMessage> messages) =>
        messages.Any(m => m.Images is not null)
            ? [.. messages.Select(m => m.Images is { } images ? Replace(m, images.Count, NotRead) : m)]
            : messages;
}
