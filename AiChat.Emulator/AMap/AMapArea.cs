namespace AiChat.Emulator.AMap;

/// <summary>A city or district of the emulated world, with its weather.</summary>
/// <param name="City">The city as geocoding names it; for a municipality, the province (regeo sends [] instead).</param>
/// <param name="District">Null for a city.</param>
/// <param name="Center">GCJ-02.</param>
internal sealed record AMapArea(
    string Adcode, string Province, string City, string? District, string Citycode, string Level, (double Lng, double Lat) Center,
    string[] Aliases, AMapWeather Weather)
{
    public bool IsMunicipality => Province == City;

    /// <summary>The name weather answers use for the area ("北京市", "朝阳区").</summary>
    public string Name => District ?? City;

    /// <summary>"北京" for "北京市", "浙江" for "浙江省": weather's province has no suffix.</summary>
    public string ProvinceShort => Province.TrimEnd('省', '市');
}
