namespace AiChat.Emulator;

/// <summary>
/// The deterministic answer: "You said: " and the echoed text (or the answer from tool results), streamed in pieces
/// that each end after a space.
/// Pieces are kept as end offsets so streaming slices the text instead of allocating substrings.
/// </summary>
internal sealed class Reply
{
    private readonly int[] _ends;

    /// <param name="countsReasoning">Whether history reasoning counts as input (<c>preserve_thinking</c>); otherwise it is ignored.</param>
    public Reply(string text, IReadOnlyList<EmulatedMessage> messages, bool countsReasoning = false)
    {
        Text = text;
        _ends = new int[Text.AsSpan().Count(' ') + (Text.EndsWith(' ') ? 0 : 1)];
        var piece = 0;
        for (var i = 0; i < Text.Length; i++)
        {
            if (Text[i] == ' ')
            {
                _ends[piece++] = i + 1;
            }
        }

        if (piece < _ends.Length)
        {
            _ends[piece] = Text.Length;
        }

        foreach (var message in messages)
        {
            PromptTokens += CountWords(message.Content) + (countsReasoning && message.ReasoningContent is { } reasoning ? CountWords(reasoning) : 0);
            foreach (var image in message.Images ?? [])
            {
                ImageTokens += image.Tokens;
            }
        }

        PromptTokens += ImageTokens;
    }

    /// <summary>
    /// What the reply says about the images of the request, so a test can assert what arrived: their count, and each
    /// one's format, size and whether it carried metadata. Empty when there were none.
    /// </summary>
    public static string DescribeImages(IReadOnlyList<EmulatedMessage> messages)
    {
        var images = messages.SelectMany(m => m.Images ?? []).ToList();
        return images.Count == 0 ? "" : $" [images: {images.Count}; {string.Join("; ", images)}]";
    }

    /// <summary>The part of <see cref="PromptTokens"/> the images took (<see cref="EmulatedImage.Tokens"/>).</summary>
    public int ImageTokens { get; }

    public string Text { get; }

    public int PieceCount => _ends.Length;

    public int PromptTokens { get; }

    public int CompletionTokens => _ends.Length;

    public ReadOnlySpan<char> Piece(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return Text.AsSpan(start, _ends[index] - start);
    }

    public ReadOnlySpan<char> Through(int index) => Text.AsSpan(0, _ends[index]);

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                words++;
            }

            inWord = !isSpace;
        }

        return words;
    }
}
