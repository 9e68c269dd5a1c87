using AiChat.FunctionsHost;

// dotnet run --project AiChat.FunctionsHost -- [--port 7071] [--app-dir AiChat.Functions/bin/Debug/net10.0]
var command = StandInCommandLine.Parse(args);
await using var emulator = await LocalUpstream.StartWhenNoKeyAsync(command.AppSettings);
await using var host = await FunctionsHostStandIn.StartAsync(new StandInOptions
{
    AppDirectory = command.AppDirectory,
    Port = command.Port,
    AppSettings = command.AppSettings,
});
Console.WriteLine($"Functions host stand-in (not the Azure Functions host) serving {command.AppDirectory} at {host.Address}");
foreach (var route in host.Routes.Routes)
{
    Console.WriteLine($"  {route.FunctionName}: [{string.Join(',', route.Methods).ToUpperInvariant()}] {host.Address}{route.Template}");
}

await host.WaitForShutdownAsync();
