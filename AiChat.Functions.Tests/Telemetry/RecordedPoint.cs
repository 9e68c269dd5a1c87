namespace AiChat.Functions.Tests.Telemetry;

/// <summary>One metric data point as last exported (cumulative): a counter's value, or a histogram's count, sum and bounds.</summary>
public sealed record RecordedPoint(string Metric, string Unit, IReadOnlyDictionary<string, string> Attributes, long Count, double Sum, IReadOnlyList<double> Bounds)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}
