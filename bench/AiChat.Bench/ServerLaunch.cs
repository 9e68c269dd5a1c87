namespace AiChat.Bench;

/// <summary>The published server, and any extra environment for it alone (<c>--server-env NAME=VALUE</c>), to try a runtime knob.</summary>
internal sealed record ServerLaunch(string Dll, IReadOnlyDictionary<string, string> Environment);
