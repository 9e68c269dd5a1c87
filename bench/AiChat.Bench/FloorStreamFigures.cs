namespace AiChat.Bench;

/// <summary>One route's streams: time to first text from sending and from the emulator's hand-over, and the gaps between text events.</summary>
internal sealed record FloorStreamFigures(Distribution FromSend, Distribution FromUpstream, Distribution Gaps);
