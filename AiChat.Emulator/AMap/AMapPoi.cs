namespace AiChat.Emulator.AMap;

/// <summary>A point of interest of the emulated world; null fields are sent as [] as AMap does.</summary>
internal sealed record AMapPoi(
    string Id, string Name, string Type, string Typecode, string? Address, (double Lng, double Lat) Location,
    string Province, string City, string Citycode, string AdName, string Adcode, string? Rating)
{
    public string CityAdcode => Adcode[..4] + "00";
}
