namespace AiChat.Core.Sessions;

/// <summary>A session as RedisSessionStore keeps it: its owner (<see cref="SessionOwners"/>, empty for none) and its history.</summary>
internal sealed record StoredSession(string Owner, List<ChatMessage> Messages);
