namespace AiChat.Emulator.AMap;

/// <summary>One day of a forecast.</summary>
internal sealed record AMapCast(string Day, string Night, int DayTemp, int NightTemp, string Wind, string Power);
