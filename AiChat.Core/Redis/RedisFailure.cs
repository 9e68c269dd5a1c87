using StackExchange.Redis;

namespace AiChat.Core.Redis;

internal static class RedisFailure
{
    /// <summary>Redis could not be reached or answered with an error (a timeout is a TimeoutException, not a RedisException).</summary>
    public static bool Is(Exception e) => e is RedisException or RedisTimeoutException;
}
