namespace AiChat.Emulator;

/// <summary>Failures a request can ask for with <c>[[fault:NAME]]</c>.</summary>
internal enum EmulatorFault
{
    None,
    InvalidKey,
    UnknownModel,
    RateLimitRequests,
    RateLimitTokens,
    RateLimitBurst,
    InternalError,
    ModelUnavailable,
    SlowFirstByte,
    CutStream,
    Moderation,
    FailThenSucceed,
}
