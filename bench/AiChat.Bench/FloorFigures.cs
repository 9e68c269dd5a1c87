namespace AiChat.Bench;

/// <summary>What the floor comparison measured, per build (the bare hop first) and, where it applies, for the direct call.</summary>
internal sealed class FloorFigures(IReadOnlyList<string> builds)
{
    public IReadOnlyList<string> Builds { get; } = builds;

    /// <summary>By concurrency, then route: latency and requests per second.</summary>
    public Dictionary<int, IReadOnlyDictionary<string, (Distribution Latency, double PerSecond)>> Completions { get; } = [];

    /// <summary>By protocol and concurrency, then route.</summary>
    public Dictionary<(string Protocol, int Concurrency), IReadOnlyDictionary<string, FloorStreamFigures>> Streams { get; } = [];

    /// <summary>Streams of a thinking model (compatible protocol, one at a time), by route; empty when not run.</summary>
    public IReadOnlyDictionary<string, FloorStreamFigures> Thinking { get; set; } = new Dictionary<string, FloorStreamFigures>();

    public IReadOnlyDictionary<string, Distribution> Aborts { get; set; } = new Dictionary<string, Distribution>();

    public IReadOnlyDictionary<string, Distribution> Startup { get; set; } = new Dictionary<string, Distribution>();
}
