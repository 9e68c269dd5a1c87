namespace AiChat.Core.Geo.AMap;

/// <summary>
/// Adds <c>key</c> to the query string as the request leaves, so that no URL AiChat builds, keeps or logs ever holds it.
/// </summary>
internal sealed class AMapKeyHandler(IAMapKeySource keys) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = await keys.GetKeyAsync(cancellationToken);
        var uri = request.RequestUri!;
        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        request.RequestUri = new Uri(uri.AbsoluteUri + separator + "key=" + Uri.EscapeDataString(key));
        return await base.SendAsync(request, cancellationToken);
    }
}
