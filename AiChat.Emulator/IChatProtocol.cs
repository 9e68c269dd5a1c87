using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>How one of DashScope's two protocols reads a chat request and spells its answers.</summary>
internal interface IChatProtocol
{
    /// <summary><c>compatible</c> or <c>native</c>, as recorded in <see cref="ReceivedChatRequest.Protocol"/>.</summary>
    string Name { get; }

    /// <summary>Native: whether this is the multimodal-generation path (false: text-generation). Null on compatible mode.</summary>
    bool? MultimodalEndpoint { get; }

    /// <summary>Reads the body; <paramref name="root"/> is undefined when the body is not JSON.</summary>
    ChatCall Parse(JsonElement root, HttpRequest request);

    void WriteError(ChatExchange exchange, EmulatedError error);

    void WriteCompletion(ChatExchange exchange);

    Task WriteStreamAsync(ChatExchange exchange);
}
