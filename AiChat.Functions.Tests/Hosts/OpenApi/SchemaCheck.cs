namespace AiChat.Functions.Tests.Hosts.OpenApi;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.1 schema, as far as AiChat's document uses schemas: $ref into
/// components, oneOf, type (one or a list), required, properties (an object may hold no member its schema does not
/// declare) and items. Returns what does not match, empty when the value fits.
/// </summary>
internal static class SchemaCheck
{
    public static List<string> Problems(JsonElement document, JsonElement schema, JsonElement value, string path = "$")
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            return Problems(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name), value, path);
        }

        if (schema.TryGetProperty("oneOf", out var choices))
        {
            return choices.EnumerateArray().Any(choice => Problems(document, choice, value, path).Count == 0)
                ? []
                : [$"{path}: {value.ValueKind} fits none of its oneOf schemas"];
        }

        if (schema.TryGetProperty("type", out var type) && !TypeFits(type, value))
        {
            return [$"{path}: {value.ValueKind} is not {type}"];
        }

        var problems = new List<string>();
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            if (schema.TryGetProperty("required", out var required))
            {
                problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!)
                    .Where(name => !value.TryGetProperty(name, out _)).Select(name => $"{path}.{name} is required and missing"));
            }

            foreach (var member in value.EnumerateObject())
            {
                problems.AddRange(properties.TryGetProperty(member.Name, out var memberSchema)
                    ? Problems(document, memberSchema, member.Value, $"{path}.{member.Name}")
                    : [$"{path}.{member.Name} is not in the schema"]);
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                problems.AddRange(Problems(document, items, item, $"{path}[{index++}]"));
            }
        }

        return problems;
    }

    private static bool TypeFits(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => TypeFits(t.GetString()!, value))
            : TypeFits(type.GetString()!, value);

    private static bool TypeFits(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };
}
