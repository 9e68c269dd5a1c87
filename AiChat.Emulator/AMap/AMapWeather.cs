namespace AiChat.Emulator.AMap;

/// <summary>An area's live weather and its 4-day forecast (today first).</summary>
internal sealed record AMapWeather(string Weather, int Temperature, int Humidity, string WindDirection, string WindPower, AMapCast[] Casts);
