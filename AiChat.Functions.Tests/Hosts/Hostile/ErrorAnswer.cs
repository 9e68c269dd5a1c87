namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>What every answer to a hostile request must be: a 4xx JSON error that leaks nothing.</summary>
public static class ErrorAnswer
{
    /// <returns>What is wrong with the answer, or null when it is a JSON 4xx with <paramref name="expectedStatus"/> and <paramref name="expectedField"/>.</returns>
    public static string? Problem(int status, string? contentType, string body, int? expectedStatus = null, string? expectedField = null)
    {
        if (Leak(body) is { } leak)
        {
            return leak;
        }

        if (status is < 400 or > 499)
        {
            return $"HTTP {status}: {Shorten(body)}";
        }

        if (contentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return $"HTTP {status} as {contentType ?? "no content type"}, not a JSON error: {Shorten(body)}";
        }

        using var document = JsonDocument.Parse(body);
        var error = document.RootElement;
        if (!error.TryGetProperty("error", out var message) || message.GetString() is not { Length: > 0 } ||
            !error.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 } ||
            !error.TryGetProperty("status", out var bodyStatus) || bodyStatus.GetInt32() != status)
        {
            return $"HTTP {status} without the error, code and status members: {Shorten(body)}";
        }

        if (expectedStatus is not null && status != expectedStatus)
        {
            return $"HTTP {status}, expected {expectedStatus}: {Shorten(body)}";
        }

        var field = error.TryGetProperty("field", out var named) ? named.GetString() : null;
        return expectedField is not null && field != expectedField ? $"field '{field}', expected '{expectedField}': {Shorten(body)}" : null;
    }

    /// <summary>For requests Kestrel refuses before the application runs: any 4xx, with an empty body or a JSON error.</summary>
    public static string? ProblemBeforeTheApplication(int status, string? contentType, string body) =>
        body.Length == 0 && status is >= 400 and <= 499 ? null : Problem(status, contentType, body);

    private static string? Leak(string body) =>
        body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)
            ? $"a stack trace or exception name in the answer: {Shorten(body)}"
            : null;

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
