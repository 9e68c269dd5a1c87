namespace AiChat.Core.Geo.AMap;

/// <summary>A request to the AMap web service: its path and query parameters, the key aside.</summary>
internal sealed class AMapQuery(string path)
{
    private readonly SortedDictionary<string, string> _parameters = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    public AMapQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters[name] = value;
        }

        return this;
    }

    /// <summary>The path and query, parameters in a fixed order: also the cache key.</summary>
    public string PathAndQuery()
    {
        var text = new StringBuilder(Path);
        var separator = '?';
        foreach (var (name, value) in _parameters)
        {
            text.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return text.ToString();
    }
}
