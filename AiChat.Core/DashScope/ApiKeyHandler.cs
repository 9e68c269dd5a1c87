using System.Net;
using System.Net.Http.Headers;

namespace AiChat.Core.DashScope;

/// <summary>
/// Puts the current key on every upstream request, asked of the key source each time. When DashScope refuses the
/// key (401), the source is asked once for a fresher one, and the call is made once more with it if there is one.
/// </summary>
internal sealed class ApiKeyHandler(IDashScopeKeySource keys) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = await keys.GetKeyAsync(cancellationToken);
        var response = await SendAsync(request, key, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        string freshKey;
        try
        {
            freshKey = await keys.RefreshKeyAsync(key, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (freshKey == key)
        {
            return response;
        }

        response.Dispose();
        using var retry = Copy(request);
        return await SendAsync(retry, freshKey, cancellationToken);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string key, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return base.SendAsync(request, cancellationToken);
    }

    // A request message can be sent only once. Its content can be shared: JsonContent serializes its value anew each time.
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        return copy;
    }
}
