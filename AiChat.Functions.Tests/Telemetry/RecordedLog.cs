namespace AiChat.Functions.Tests.Telemetry;

/// <summary>One exported log record: its body (the message template), attributes and the trace it was written in.</summary>
public sealed record RecordedLog(string Body, IReadOnlyDictionary<string, string> Attributes, string TraceId);
