namespace AiChat.Core.Redis;

/// <summary>Redis answered a command with an error reply.</summary>
public sealed class RedisErrorException(string message) : Exception(message);
