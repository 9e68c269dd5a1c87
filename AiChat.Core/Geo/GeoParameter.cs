using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>
/// One argument a tool takes, declared once: the JSON schema it is offered upstream with and the rule
/// <see cref="GeoArguments"/> reads it by, so the bounds the model is told are the bounds applied
/// (docs/geo-assistant.md#the-five-tools). Made by the factories here, read as a <see cref="GeoParameter{T}"/>.
/// </summary>
internal abstract class GeoParameter(string name, bool isRequired, JsonObject schema)
{
    public string Name => name;

    public bool IsRequired => isRequired;

    /// <summary>The property's schema: its type, the rule's bounds, its description.</summary>
    public JsonObject Schema() => (JsonObject)schema.DeepClone();

    /// <summary>Reads the argument for its rule alone: a broken one becomes <see cref="GeoArguments.Problem"/>.</summary>
    public abstract void Check(GeoArguments arguments);

    /// <summary>A string of 1 to <paramref name="maxLength"/> characters once trimmed (the length is not in the schema).</summary>
    public static GeoParameter<string?> Text(string name, int maxLength, string description, bool required = false) =>
        new(name, required, Described(new JsonObject { ["type"] = "string" }, description), arguments => arguments.Text(name, maxLength, required));

    /// <summary><c>city</c>: a name or a 6-digit adcode.</summary>
    public static GeoParameter<string?> City(string description, bool required = false) =>
        new("city", required, Described(new JsonObject { ["type"] = "string" }, description), arguments => arguments.City(required));

    public static GeoParameter<bool?> Boolean(string name, string description) =>
        new(name, false, Described(new JsonObject { ["type"] = "boolean" }, description), arguments => arguments.Boolean(name));

    /// <summary>A whole number, clamped into <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static GeoParameter<int?> Integer(string name, int minimum, int maximum, string description) =>
        new(name, false, Described(new JsonObject { ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = maximum }, description),
            arguments => arguments.Integer(name, minimum, maximum));

    public static GeoParameter<IReadOnlyList<string>?> Strings(string name, int maxItems, string description, bool required = false) =>
        new(name, required,
            Described(new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["minItems"] = 1, ["maxItems"] = maxItems }, description),
            arguments => arguments.Strings(name, maxItems, required));

    public static GeoParameter<string?> Choice(string name, string description, params string[] allowed) =>
        new(name, false, Described(new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. allowed.Select(a => JsonValue.Create(a))]) }, description),
            arguments => arguments.Choice(name, allowed));

    /// <summary>The description last, after the type and the bounds, as the contract's declarations have it.</summary>
    private static JsonObject Described(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }
}
