using System.Globalization;

namespace AiChat.Bench;

/// <summary>How figures are spelled in the report, the same on every machine.</summary>
internal static class Text
{
    // Adding zero turns the -0 that rounding leaves for a tiny negative difference into 0.
    public static string Ms(double milliseconds, int decimals = 2) =>
        double.IsNaN(milliseconds) ? "n/a" : (Math.Round(milliseconds, decimals) + 0.0).ToString("F" + decimals, CultureInfo.InvariantCulture) + " ms";

    public static string Us(double microseconds) => microseconds.ToString("0", CultureInfo.InvariantCulture) + " µs";

    public static string Kb(double bytes) => double.IsNaN(bytes) ? "n/a" : (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Int(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    public static string Header(params string[] cells) => Row(cells) + "\n" + Row([.. cells.Select(_ => "---")]);
}
