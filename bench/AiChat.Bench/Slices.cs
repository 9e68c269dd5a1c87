namespace AiChat.Bench;

/// <summary>Latencies of one route gathered over its slices, and the time spent in them for requests per second.</summary>
internal sealed class Slices
{
    private readonly List<double> _samples = [];
    private double _seconds;

    public Slices()
    {
    }

    public Slices(IEnumerable<double> samples, double seconds)
    {
        _samples.AddRange(samples);
        _seconds = seconds;
    }

    public IReadOnlyList<double> Samples => _samples;

    public double PerSecond => _seconds == 0 ? 0 : _samples.Count / _seconds;

    public void Add(Slices other)
    {
        _samples.AddRange(other._samples);
        _seconds += other._seconds;
    }
}
