using System.Globalization;

namespace AiChat.Core.Geo;

/// <summary>Provider text made fit for the model and the map (docs/geo-assistant.md#what-the-model-sees): no control characters, at most 100 characters.</summary>
internal static class GeoText
{
    public const int MaxLength = 100;

    /// <returns>The cleaned text, or null when nothing is left.</returns>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = new StringBuilder(Math.Min(text.Length, MaxLength));
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var length = 0;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (element.Any(IsControl))
            {
                element = new string([.. element.Where(c => !IsControl(c))]);
            }

            if (length + element.Length > MaxLength)
            {
                break;
            }

            cleaned.Append(element);
            length += element.Length;
        }

        var result = cleaned.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    // Format characters (bidi overrides, zero-width marks) can hide or reorder text as well as control characters can.
    private static bool IsControl(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
