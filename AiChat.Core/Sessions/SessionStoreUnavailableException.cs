namespace AiChat.Core.Sessions;

internal sealed class SessionStoreUnavailableException(Exception innerException)
    : Exception("The session store could not be reached; conversations cannot be continued right now.", innerException);
