using System.Text.Json;

namespace AiChat.FunctionsHost;

/// <summary>The part of host.json the stand-in reads: extensions.http.routePrefix, "api" when absent.</summary>
internal static class HostJson
{
    public static string ReadRoutePrefix(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return "api";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Find(document.RootElement, "extensions") is { } extensions
            && Find(extensions, "http") is { } http
            && Find(http, "routePrefix") is { ValueKind: JsonValueKind.String } prefix
            ? prefix.GetString()!.Trim('/')
            : "api";
    }

    private static JsonElement? Find(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;
}
