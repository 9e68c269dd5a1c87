using AiChat.Bench;

if (args is ["limits", ..])
{
    return await LimitCheckBench.RunAsync();
}

if (args is ["allocations", .. var protocol])
{
    return await AllocationBench.RunAsync(native: protocol is ["native"]);
}

if (args is ["images", ..])
{
    return await ImageBench.RunAsync(CancellationToken.None);
}

if (BenchOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

// The single-section modes each write their own short report.
Func<BenchOptions, Action<string>, CancellationToken, Task<string>>? section =
    options.FirstTokenOnly ? FirstTokenRun.RunAsync
    : options.FloorOnly ? FloorRun.RunAsync
    : options.StartupOnly ? StartupRun.RunAsync
    : options.OpenStreams > 0 ? CapacityRun.RunAsync
    : options.OpenAIOnly ? OpenAIRun.RunAsync
    : null;
if (section is not null)
{
    var text = await section(options, Log, stop.Token);
    await File.WriteAllTextAsync(options.ReportPath, text, stop.Token);
    Console.WriteLine(text);
    return 0;
}

var run = await BenchRunner.RunAsync(options, Log, stop.Token);
var report = Report.Write(run);
await File.WriteAllTextAsync(options.ReportPath, report, stop.Token);
Console.WriteLine(Report.Summary(run));
Console.WriteLine(FunctionsSection.Summary(run));
Console.WriteLine($"report: {options.ReportPath}");
return run.IsValid ? 0 : 1;
