namespace AiChat.Emulator.AMap;

/// <summary>A point of interest of the emulated world; null fields are sent as [] as AMap does.</summary>
internal sealed record AMapPoi(
    string Id, string Name, string Type, string Typecode, string? Address, (double Lng, double Lat) Location,
    string Province, string City, string Citycode, string AdName, string Adcode, string? Rating)
{
    /// <summary>The city's adcode: a municipality's is its province's (110000), another city's ends in 00 (330100).</summary>
    public string CityAdcode => Province == City ? Adcode[..2] + "0000" : Adcode[..4] + "00";
}
