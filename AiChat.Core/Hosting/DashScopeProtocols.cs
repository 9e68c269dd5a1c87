using AiChat.Core.DashScope;

namespace AiChat.Core.Hosting;

internal static class DashScopeProtocols
{
    public static IDashScopeProtocol Create(AiChatOptions options)
    {
        var baseUrl = new Uri(options.BaseUrl);
        return options.Protocol == DashScopeProtocol.CompatibleMode ? new CompatibleModeProtocol(baseUrl) : new NativeProtocol(baseUrl);
    }
}
