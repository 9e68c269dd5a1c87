using System.Globalization;
using System.Text.RegularExpressions;

namespace AiChat.Bench;

/// <summary>The Functions worker's start-up as the stand-in logs it, each step in ms from just before the worker process started.</summary>
internal sealed partial record WorkerReadiness(double EventStreamOpen, double WorkerInitResponse, double FunctionsLoaded, double Ready)
{
    public const string LogMarker = "Worker ready for invocations at ";

    public static WorkerReadiness Parse(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
        {
            throw new FormatException("Not the stand-in's worker-ready line: " + line);
        }

        double Ms(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new WorkerReadiness(Ms("connected"), Ms("init"), Ms("loaded"), Ms("ready"));
    }

    [GeneratedRegex(@"ready for invocations at (?<ready>[\d.]+) ms: EventStream open at (?<connected>[\d.]+) ms, WorkerInitResponse at (?<init>[\d.]+) ms, \d+ functions loaded at (?<loaded>[\d.]+) ms")]
    private static partial Regex Line();
}
