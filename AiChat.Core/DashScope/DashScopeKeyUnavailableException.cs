namespace AiChat.Core.DashScope;

/// <summary>The server has no DashScope key to call with; chat endpoints answer 503 with this message.</summary>
internal sealed class DashScopeKeyUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
