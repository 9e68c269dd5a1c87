namespace AiChat.Bench;

/// <summary>One route's stream figures, summed over its streams.</summary>
internal sealed record StreamRouteFigures(int Streams, int Events, Distribution FirstEvent, Distribution Gaps, int MergedEvents, int LostEvents)
{
    public static StreamRouteFigures From(IReadOnlyCollection<StreamOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Sum(o => o.Events),
        new Distribution(outcomes.Where(o => o.Events > 0).Select(o => o.FirstEventMs)),
        new Distribution(outcomes.SelectMany(o => o.GapsMs)),
        outcomes.Sum(o => o.MergedEvents),
        outcomes.Sum(o => o.LostEvents));
}
