namespace AiChat.Functions.Tests.Telemetry;

/// <summary>
/// OpenTelemetry listens process-wide (every in-process host's spans reach every tracer provider), so the telemetry
/// tests run alone, after the parallel ones, and each sees only its own hosts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry";
}
