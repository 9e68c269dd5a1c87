using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>The caps on what the model sees (docs/geo-assistant.md#what-the-model-sees): at most 10 items and 4 KB of UTF-8.</summary>
internal static class GeoProjection
{
    public const int MaxItems = 10;
    public const int MaxBytes = 4096;

    /// <summary>
    /// <c>{"source":"amap","count":n,"&lt;listName&gt;":[…]}</c> plus <paramref name="extra"/>, items dropped from the end
    /// until it fits; <c>count</c> is the number of items kept.
    /// </summary>
    public static (string Content, int Count) List(string listName, IReadOnlyList<JsonObject> items, Action<JsonObject>? extra = null)
    {
        for (var kept = Math.Min(items.Count, MaxItems); ; kept--)
        {
            var result = new JsonObject { ["source"] = "amap", ["count"] = kept, [listName] = new JsonArray([.. items.Take(kept).Select(i => i.DeepClone())]) };
            extra?.Invoke(result);
            var text = GeoJson.Text(result);
            if (kept == 0 || Encoding.UTF8.GetByteCount(text) <= MaxBytes)
            {
                return (text, kept);
            }
        }
    }
}
