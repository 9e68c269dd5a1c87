using System.Globalization;
using System.Text.RegularExpressions;

namespace AiChat.Emulator;

/// <summary>
/// Per-request behaviour picked by <c>[[name:value]]</c> markers in the last user message, so tests and curl users
/// can choose a fault or pacing without reconfiguring the emulator. The markers are removed from the echoed text.
/// </summary>
internal sealed partial record Directives(string Text)
{
    public EmulatorFault Fault { get; private init; }

    public TimeSpan? ChunkDelay { get; private init; }

    /// <summary><c>[[pause-ms:N]]</c>: one pause of N ms before the first content frame, after the stream started.</summary>
    public TimeSpan? Pause { get; private init; }

    public NativeStreamErrorShape NativeStreamError { get; private init; }

    /// <summary>Stream quirks of tool calls, chosen with <c>[[tool-quirk:NAME]]</c> (docs/dashscope-streams.md#tool-call-stream-quirks).</summary>
    public ToolQuirks ToolQuirks { get; private init; }

    /// <summary><c>[[tools:always]]</c>: call tools in every round, even after tool results (for loop bounds).</summary>
    public bool AlwaysCallTools { get; private init; }

    /// <summary><c>[[multimodal-frames:empty-end]]</c>: a multimodal stream ends on an empty frame with the finish reason, as text-generation does.</summary>
    public bool EmptyLastFrame { get; private init; }

    /// <summary><c>[[multimodal-frames:string-content]]</c>: a multimodal answer spells content as a string (the text-generation variant).</summary>
    public bool StringContent { get; private init; }

    /// <summary>Why a marker could not be understood; answered as an invalid parameter.</summary>
    public string? Problem { get; private init; }

    public static Directives Parse(string content)
    {
        if (!content.Contains("[[", StringComparison.Ordinal))
        {
            return new Directives(content.Trim());
        }

        var directives = new Directives(Marker().Replace(content, string.Empty).Trim());
        foreach (Match match in Marker().Matches(content))
        {
            directives = directives.Apply(match.Groups["name"].Value, match.Groups["value"].Value);
        }

        return directives;
    }

    private Directives Apply(string name, string value) => name switch
    {
        "chunk-delay-ms" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? this with { ChunkDelay = TimeSpan.FromMilliseconds(ms) }
            : this with { Problem = $"Invalid emulator chunk delay '{value}'." },
        "pause-ms" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pause)
            ? this with { Pause = TimeSpan.FromMilliseconds(pause) }
            : this with { Problem = $"Invalid emulator pause '{value}'." },
        "native-stream-error" => value switch
        {
            "frame" => this with { NativeStreamError = NativeStreamErrorShape.Frame },
            "sse" => this with { NativeStreamError = NativeStreamErrorShape.Sse },
            "json" => this with { NativeStreamError = NativeStreamErrorShape.Json },
            _ => this with { Problem = $"Unknown emulator native stream error shape '{value}'." },
        },
        "tool-quirk" => ToolQuirkNames.Parse(value) is { } quirk
            ? this with { ToolQuirks = ToolQuirks | quirk }
            : this with { Problem = $"Unknown emulator tool quirk '{value}'." },
        "multimodal-frames" => value switch
        {
            "empty-end" => this with { EmptyLastFrame = true },
            "string-content" => this with { StringContent = true },
            _ => this with { Problem = $"Unknown emulator multimodal frame variant '{value}'." },
        },
        "tools" => value == "always"
            ? this with { AlwaysCallTools = true }
            : this with { Problem = $"Unknown emulator tools mode '{value}'." },
        _ => ParseFault(value) is { } fault
            ? this with { Fault = fault }
            : this with { Problem = $"Unknown emulator fault '{value}'." },
    };

    private static EmulatorFault? ParseFault(string name) => name switch
    {
        "invalid-key" => EmulatorFault.InvalidKey,
        "unknown-model" => EmulatorFault.UnknownModel,
        "rate-limit-requests" => EmulatorFault.RateLimitRequests,
        "rate-limit-tokens" => EmulatorFault.RateLimitTokens,
        "rate-limit-burst" => EmulatorFault.RateLimitBurst,
        "internal-error" => EmulatorFault.InternalError,
        "model-unavailable" => EmulatorFault.ModelUnavailable,
        "slow-first-byte" => EmulatorFault.SlowFirstByte,
        "cut-stream" => EmulatorFault.CutStream,
        "moderation" => EmulatorFault.Moderation,
        "fail-then-succeed" => EmulatorFault.FailThenSucceed,
        _ => null,
    };

    [GeneratedRegex(@"\[\[(?<name>chunk-delay-ms|fault|native-stream-error|pause-ms|tool-quirk|tools|multimodal-frames):(?<value>[^\]]*)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
