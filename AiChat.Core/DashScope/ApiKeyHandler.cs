using System.Net.Http.Headers;

namespace AiChat.Core.DashScope;

/// <summary>Puts the current key on every upstream request, asked of the key source each time.</summary>
internal sealed class ApiKeyHandler(IDashScopeKeySource keys) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await keys.GetKeyAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
