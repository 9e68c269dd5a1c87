namespace AiChat.Bench;

/// <summary>Paced streams on both routes: first event, gaps between events, merged reads, lost events.</summary>
internal sealed record StreamResult(StreamRouteFigures Direct, StreamRouteFigures Through, int Concurrency, int ChunkDelayMs, double OthersCpuPercent)
{
    public double AddedFirstEventP50 => Through.FirstEvent.P50 - Direct.FirstEvent.P50;

    public double AddedFirstEventP99 => Through.FirstEvent.P99 - Direct.FirstEvent.P99;

    public double AddedGapP50 => Through.Gaps.P50 - Direct.Gaps.P50;

    public double AddedGapP99 => Through.Gaps.P99 - Direct.Gaps.P99;
}
