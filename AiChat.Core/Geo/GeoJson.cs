using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>Writes the tools' results and events: UTF-8 text unescaped (it is JSON served as JSON), positions as [lng, lat].</summary>
internal static class GeoJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode node) => node.ToJsonString(Options);

    public static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(Text(node));
        return document.RootElement.Clone();
    }

    /// <summary>A position for a map in <paramref name="crs"/>, from GCJ-02, rounded to 6 decimals.</summary>
    public static JsonArray Position(GeoPoint gcj, string crs)
    {
        var point = ChinaCoordinates.FromGcj(gcj, crs);
        return new JsonArray(JsonValue.Create(Math.Round(point.Lng, 6)), JsonValue.Create(Math.Round(point.Lat, 6)));
    }

    /// <summary>Adds the property only when the value is there, as the projection leaves out what AMap sent as [].</summary>
    public static JsonObject AddIf(this JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }

        return node;
    }

    public static JsonObject AddIf(this JsonObject node, string name, double? value)
    {
        if (value is { } number)
        {
            node[name] = number;
        }

        return node;
    }

    /// <summary>Sets the property, null included: the weather card keeps every field, null when AMap gave nothing usable.</summary>
    public static JsonObject Set(this JsonObject node, string name, string? value)
    {
        node[name] = value;
        return node;
    }

    public static JsonObject Set(this JsonObject node, string name, double? value)
    {
        node[name] = value;
        return node;
    }
}
