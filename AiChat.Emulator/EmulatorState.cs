using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace AiChat.Emulator;

/// <summary>What every endpoint shares: the options as they were at start, the journal, fail-once bookkeeping.</summary>
internal sealed class EmulatorState(EmulatorOptions options)
{
    private readonly string _apiKey = options.ApiKey;
    private readonly FrozenSet<string> _served = options.Models.ToFrozenSet(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _failedOnce = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Models { get; } = [.. options.Models];

    public TimeSpan ChunkDelay { get; } = options.ChunkDelay;

    public TimeSpan SlowFirstByteDelay { get; } = options.SlowFirstByteDelay;

    public RequestJournal Journal { get; } = new(options.RecordRequests);

    public bool Serves(string model) => _served.Contains(model);

    public EmulatedError? Authenticate(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return EmulatedError.MissingKey;
        }

        const string scheme = "Bearer ";
        var valid = authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && authorization.AsSpan(scheme.Length).SequenceEqual(_apiKey);
        return valid ? null : EmulatedError.InvalidKey;
    }

    /// <summary>True only the first time a text is seen, so fail-then-succeed fails once per distinct text.</summary>
    public bool IsFirstSeen(string text) => _failedOnce.TryAdd(text, 0);
}
