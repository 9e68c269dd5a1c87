using System.Globalization;
using System.Text.RegularExpressions;

namespace AiChat.Emulator.AMap;

/// <summary>
/// A fault picked per request by a <c>[[amap:SPEC]]</c> marker in any query value, removed before the value is used:
/// an infocode (<c>[[amap:10003]]</c>: HTTP 200 with status "0"), <c>retry-CODE</c> (that infocode the first time
/// this exact request is seen, then a normal answer), <c>http-CODE</c> (that HTTP status, an HTML body),
/// <c>not-json</c> (200 with an HTML body), <c>delay-ms-N</c> (answer after N ms).
/// </summary>
internal sealed partial record AMapFault(string? Infocode, bool OnlyFirstTime, int? HttpStatus, bool NotJson, TimeSpan Delay)
{
    public static readonly AMapFault None = new(null, false, null, false, TimeSpan.Zero);

    public static string Strip(string value) => Marker().Replace(value, string.Empty);

    public static AMapFault Parse(IEnumerable<string> values)
    {
        var fault = None;
        foreach (Match match in values.SelectMany(v => Marker().Matches(v)))
        {
            var spec = match.Groups["spec"].Value;
            fault = spec switch
            {
                "not-json" => fault with { NotJson = true },
                _ when spec.StartsWith("http-", StringComparison.Ordinal) => fault with { HttpStatus = Number(spec[5..]) },
                _ when spec.StartsWith("delay-ms-", StringComparison.Ordinal) => fault with { Delay = TimeSpan.FromMilliseconds(Number(spec[9..])) },
                _ when spec.StartsWith("retry-", StringComparison.Ordinal) => fault with { Infocode = spec[6..], OnlyFirstTime = true },
                _ => fault with { Infocode = spec },
            };
        }

        return fault;
    }

    private static int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"\[\[amap:(?<spec>[a-z0-9-]+)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
