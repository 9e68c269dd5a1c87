namespace AiChat.Bench;

/// <summary>How many paced streams one server held at once, and what each cost it in memory.</summary>
internal sealed record CapacityResult(
    int Target,
    int PeakOpen,
    int RefusedToOpen,
    double RampSeconds,
    long RssBefore,
    long RssAtPeak,
    long RssAfter,
    int Completed,
    int LostEvents,
    int ChunkDelayMs,
    double OthersCpuPercent,
    int FileDescriptorsAtPeak)
{
    public double BytesPerStream => PeakOpen == 0 ? double.NaN : (double)(RssAtPeak - RssBefore) / PeakOpen;
}
