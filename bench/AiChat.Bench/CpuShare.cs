namespace AiChat.Bench;

/// <summary>
/// How much of the machine other processes used while a phase ran: noise both routes shared, but noise.
/// "Ours" is the bench (with the emulator and every child it has reaped) plus the live server, when given.
/// </summary>
internal sealed class CpuShare
{
    private readonly int? _serverPid;
    private readonly long _busy;
    private readonly long _total;
    private readonly long _ours;

    private CpuShare(int? serverPid)
    {
        _serverPid = serverPid;
        (_busy, _total) = ProcFs.MachineTicks();
        _ours = Ours();
    }

    public static CpuShare Start(int? serverPid = null) => new(serverPid);

    /// <summary>Percent of the whole machine (all cores) used by other processes since <see cref="Start"/>.</summary>
    public double OthersPercent()
    {
        var (busy, total) = ProcFs.MachineTicks();
        var others = busy - _busy - (Ours() - _ours);
        return total == _total ? 0 : Math.Max(0, 100.0 * others / (total - _total));
    }

    private long Ours() =>
        ProcFs.ProcessTicks(Environment.ProcessId, reapedChildren: true)
        + (_serverPid is { } pid ? ProcFs.ProcessTreeTicks(pid) : 0);
}
