using OpenTelemetry;
using OpenTelemetry.Logs;

namespace AiChat.Core.Telemetry;

/// <summary>
/// Replaces a session id in an exported log record's attributes (a log line's <c>{SessionId}</c>), before any
/// exporter sees the record: a session id is a bearer token for its conversation.
/// </summary>
internal sealed class SessionIdLogRedactor : BaseProcessor<LogRecord>
{
    public const string Redacted = "[redacted]";

    public override void OnEnd(LogRecord data)
    {
        if (data.Attributes is { } attributes && attributes.Any(a => IsSessionId(a.Key)))
        {
            data.Attributes = [.. attributes.Select(a => IsSessionId(a.Key) ? new KeyValuePair<string, object?>(a.Key, Redacted) : a)];
        }
    }

    private static bool IsSessionId(string name) =>
        name.Equals("SessionId", StringComparison.OrdinalIgnoreCase) || name.Equals("session_id", StringComparison.OrdinalIgnoreCase);
}
