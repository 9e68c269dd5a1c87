using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace AiChat.Core.Telemetry;

/// <summary>
/// Names a request's server span and metrics by its route template (GET /api/sessions/{id}), and keeps the template,
/// not the path, in <c>url.path</c> when the route has parameters: a session id in a path is not for telemetry.
/// </summary>
public static class AiChatHttpRoutes
{
    private const string HttpRoute = "http.route";
    private const string UrlPath = "url.path";

    /// <summary>For a host whose requests reach AiChat without endpoint routing (the Functions worker).</summary>
    public static void Tag(HttpContext context, string routeTemplate)
    {
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new KeyValuePair<string, object?>(HttpRoute, routeTemplate));
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
        {
            activity.DisplayName = $"{context.Request.Method} {routeTemplate}";
            activity.SetTag(HttpRoute, routeTemplate);
            KeepTemplateAsPath(activity, routeTemplate);
        }
    }

    /// <summary>For the self-host, whose routing already named the span: only the path is replaced.</summary>
    internal static void EnrichRoutedResponse(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern: { Parameters.Count: > 0 } pattern })
        {
            KeepTemplateAsPath(activity, pattern.RawText ?? "");
        }
    }

    private static void KeepTemplateAsPath(Activity activity, string routeTemplate)
    {
        if (routeTemplate.Contains('{', StringComparison.Ordinal))
        {
            activity.SetTag(UrlPath, "/" + routeTemplate.TrimStart('/'));
        }
    }
}
