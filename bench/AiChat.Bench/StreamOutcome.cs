namespace AiChat.Bench;

/// <summary>What one client saw of one stream, counting upstream events only (not AiChat's closing [DONE]).</summary>
internal sealed record StreamOutcome(
    Route Route,
    double FirstEventMs,
    IReadOnlyList<double> GapsMs,
    int Events,
    int MergedEvents,
    int LostEvents);
