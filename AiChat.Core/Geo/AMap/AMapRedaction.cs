using System.Text.RegularExpressions;

namespace AiChat.Core.Geo.AMap;

/// <summary>Takes the values of <c>key</c> and <c>sig</c> out of any text that may hold an AMap URL (docs/amap.md#keeping-the-key-secret).</summary>
internal static partial class AMapRedaction
{
    public static string Redact(string text) => Secret().Replace(text, "${name}=*");

    [GeneratedRegex(@"(?<name>\b(?:key|sig))=[^&\s""'#]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
