namespace AiChat.Functions.Tests.Telemetry;

/// <summary>A finished span as an exporter sent it, whichever exporter: attribute values as strings (arrays joined by ',').</summary>
public sealed record RecordedSpan(string Name, string TraceId, string SpanId, string ParentSpanId, string Kind, IReadOnlyDictionary<string, string> Attributes, bool IsError)
{
    /// <summary>Every string the span carries: name, attribute values, status, event names and attributes.</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}
