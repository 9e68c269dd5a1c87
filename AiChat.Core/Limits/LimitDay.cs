using System.Globalization;

namespace AiChat.Core.Limits;

/// <summary>The UTC day token limits count in, and the time left until the next one.</summary>
internal static class LimitDay
{
    public static string Of(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static TimeSpan LeftOf(DateTimeOffset now) => now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
}
