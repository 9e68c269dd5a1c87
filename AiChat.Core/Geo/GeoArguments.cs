using System.Globalization;
using System.Text.RegularExpressions;

namespace AiChat.Core.Geo;

/// <summary>
/// A call's arguments read by the rules of docs/geo-assistant.md#the-five-tools: strings trimmed and bounded, booleans as JSON
/// booleans or "true"/"false", integers as numbers or numeric strings and clamped into range, unknown properties ignored.
/// The first problem is kept as <see cref="Problem"/>; later reads return null.
/// </summary>
internal sealed partial class GeoArguments
{
    private readonly JsonElement _root;

    private GeoArguments(JsonElement root) => _root = root;

    /// <summary>The first argument that broke a rule, as (field, rule), or null.</summary>
    public (string Field, string Rule)? Problem { get; private set; }

    public static GeoArguments Parse(string argumentsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson);
            var arguments = new GeoArguments(document.RootElement.Clone());
            if (arguments._root.ValueKind != JsonValueKind.Object)
            {
                arguments.Problem = ("arguments", "必须是JSON对象");
            }

            return arguments;
        }
        catch (JsonException)
        {
            return new GeoArguments(default) { Problem = ("arguments", "不是有效的JSON") };
        }
    }

    /// <summary>A string of 1 to <paramref name="maxLength"/> characters once trimmed.</summary>
    public string? Text(string name, int maxLength, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (text is not { Length: > 0 } || text.Length > maxLength)
        {
            return Refuse(name, $"必须是1到{maxLength}个字符的字符串");
        }

        return text;
    }

    /// <summary>A city: a name of 1 to 40 characters, or a 6-digit adcode.</summary>
    public string? City(bool required = false)
    {
        const string name = "city";
        var city = Text(name, 40, required);
        return city is null || !city.All(char.IsAsciiDigit) || Adcode().IsMatch(city)
            ? city
            : Refuse(name, "必须是城市名或6位adcode");
    }

    public bool? Boolean(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when value.GetString() == "true" => true,
            JsonValueKind.String when value.GetString() == "false" => false,
            _ => RefuseValue<bool?>(name, "必须是布尔值"),
        };
    }

    public int? Integer(string name, int min, int max)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }

        double? number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return number is { } n && double.IsFinite(n) && n == Math.Floor(n)
            ? (int)Math.Clamp(n, min, max)
            : RefuseValue<int?>(name, "必须是整数");
    }

    /// <summary>An array of 1 to <paramref name="maxItems"/> non-empty strings.</summary>
    public IReadOnlyList<string>? Strings(string name, int maxItems, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 || value.GetArrayLength() > maxItems
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())))
        {
            return RefuseValue<IReadOnlyList<string>>(name, $"必须是1到{maxItems}个字符串的数组");
        }

        return [.. value.EnumerateArray().Select(item => item.GetString()!.Trim())];
    }

    /// <summary>One of <paramref name="allowed"/>.</summary>
    public string? Choice(string name, params string[] allowed)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString())
            ? value.GetString()
            : Refuse(name, $"必须是 {string.Join(" 或 ", allowed)}");
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        value = default;
        if (Problem is not null)
        {
            return false;
        }

        if (_root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Problem = (name, "是必填项");
        }

        return false;
    }

    private string? Refuse(string name, string rule)
    {
        Problem = (name, rule);
        return null;
    }

    private T? RefuseValue<T>(string name, string rule)
    {
        Problem = (name, rule);
        return default;
    }

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Adcode();
}
