namespace AiChat.Bench;

/// <summary>
/// One route's streams: time to first text from sending and from the emulator's hand-over, the gaps between text
/// events, and for a thinking model the time from sending to the first event with reasoning (empty otherwise).
/// </summary>
internal sealed record FloorStreamFigures(Distribution FromSend, Distribution FromUpstream, Distribution Gaps, Distribution FirstReasoning);
