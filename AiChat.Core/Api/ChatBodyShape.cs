namespace AiChat.Core.Api;

/// <summary>How a chat request body carries the user's words.</summary>
internal enum ChatBodyShape
{
    /// <summary>The Flask seed's <c>messages</c> array.</summary>
    Messages,

    /// <summary>The stream-chat-service seed's single <c>message</c> string.</summary>
    Message,
}
