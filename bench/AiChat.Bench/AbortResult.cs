namespace AiChat.Bench;

/// <summary>From the client dropping a stream to the emulator seeing its request aborted, per route.</summary>
internal sealed record AbortResult(Distribution Direct, Distribution Through, double OthersCpuPercent);
