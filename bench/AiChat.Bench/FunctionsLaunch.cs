namespace AiChat.Bench;

/// <summary>The published stand-in and the Functions app's Release build output that it serves.</summary>
internal sealed record FunctionsLaunch(string StandInDll, string AppDirectory);
