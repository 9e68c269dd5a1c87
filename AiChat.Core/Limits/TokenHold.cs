namespace AiChat.Core.Limits;

/// <summary>Tokens an admission holds on a day's counters: none when the store could not be reached (then what is spent is added whole).</summary>
internal sealed record TokenHold(long Tokens, string Day);
