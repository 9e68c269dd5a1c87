using System.Globalization;

namespace AiChat.Core.Api;

/// <summary>Whether a text shows anything: a message of only spaces, controls and invisible characters says nothing.</summary>
internal static class VisibleText
{
    public static bool IsBlank(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// White space, controls, format characters (zero-width spaces and joiners, bidi marks, the BOM, the soft hyphen),
    /// the other default-ignorable code points (variation selectors, the Hangul fillers, the combining grapheme joiner)
    /// and the blank Braille pattern, which is often used as an invisible filler.
    /// </summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) ||
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format ||
        rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x2800 or 0x3164
            or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF);
}
