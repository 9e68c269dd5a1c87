using System.Globalization;

namespace AiChat.Bench;

/// <summary>What Linux reports about memory and CPU time in /proc.</summary>
internal static class ProcFs
{
    /// <summary>CPU times in /proc count USER_HZ ticks, 100 a second on every Linux the bench runs on.</summary>
    public const long MicrosecondsPerTick = 10_000;

    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..^"kB".Length], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public static int OpenFileDescriptors(int pid) => Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;

    /// <summary>CPU ticks a process used; with <paramref name="reapedChildren"/>, also those of children it has waited for.</summary>
    public static long ProcessTicks(int pid, bool reapedChildren)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14-17 of proc(5) (utime, stime, cutime, cstime), counted here from field 3.
        var ticks = Tick(fields[11]) + Tick(fields[12]);
        return reapedChildren ? ticks + Tick(fields[13]) + Tick(fields[14]) : ticks;
    }

    /// <summary>CPU ticks of a live process and of its live descendants: the stand-in and the worker it started.</summary>
    public static long ProcessTreeTicks(int pid)
    {
        var ticks = ProcessTicks(pid, reapedChildren: false);
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    ticks += ProcessTreeTicks(int.Parse(child, CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The thread or the child ended while being read: its time is in its parent's reaped ticks, or lost with it.
            }
        }

        return ticks;
    }

    /// <summary>The whole machine's busy and total ticks since boot, from the first line of /proc/stat.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (var i = 1; i <= 8 && i < fields.Length; i++)
        {
            total += Tick(fields[i]);
        }

        var idle = Tick(fields[4]) + Tick(fields[5]);
        return (total - idle, total);
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static long Tick(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}
