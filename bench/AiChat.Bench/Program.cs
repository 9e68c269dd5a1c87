using AiChat.Bench;

if (args is ["limits", ..])
{
    return await LimitCheckBench.RunAsync();
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

if (options.FirstTokenOnly)
{
    var firstToken = await FirstTokenRun.RunAsync(options, line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"), stop.Token);
    await File.WriteAllTextAsync(options.ReportPath, firstToken, stop.Token);
    Console.WriteLine(firstToken);
    return 0;
}

var run = await BenchRunner.RunAsync(options, line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"), stop.Token);
var report = Report.Write(run);
await File.WriteAllTextAsync(options.ReportPath, report, stop.Token);
Console.WriteLine(Report.Summary(run));
Console.WriteLine(FunctionsSection.Summary(run));
Console.WriteLine($"report: {options.ReportPath}");
return run.IsValid ? 0 : 1;
