using System.Text.Json.Nodes;

namespace AiChat.Server;

/// <summary>
/// The chat page (wwwroot) with its security headers: a Content-Security-Policy of the page's own origin (plus the API
/// origins it may call), no framing, no MIME sniffing, no referrer to other origins. Beside it, chat-page.json lists
/// the origins besides its own that the page's <c>?api=</c> may name (CHAT_PAGE_API_ORIGINS); any other is ignored.
/// </summary>
internal static class ChatPage
{
    public const string ApiOriginsSetting = "CHAT_PAGE_API_ORIGINS";

    public static WebApplication UseChatPage(this WebApplication app)
    {
        var origins = ApiOrigins(app.Configuration[ApiOriginsSetting]);
        var policy = "default-src 'self'; connect-src 'self'" + string.Concat(origins.Select(origin => " " + origin))
            + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        var config = new JsonObject { ["apiOrigins"] = new JsonArray([.. origins.Select(origin => JsonValue.Create(origin))]) }.ToJsonString();

        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => Secure(file.Context.Response, policy) });
        // A file of the page, not a route of the API: served beside the page's files, outside the route table.
        app.Use((context, next) => HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/chat-page.json" ? WriteConfigAsync(context) : next(context));
        return app;

        Task WriteConfigAsync(HttpContext context)
        {
            Secure(context.Response, policy);
            return TypedResults.Text(config, "application/json").ExecuteAsync(context);
        }
    }

    private static void Secure(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    /// <summary>"https://a.example, https://b.example:8443" as origins; anything that is not an http(s) origin stops the start.</summary>
    private static string[] ApiOrigins(string? setting) =>
        [.. (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
            Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.PathAndQuery == "/" && entry.TrimEnd('/') == uri.GetLeftPart(UriPartial.Authority)
                ? uri.GetLeftPart(UriPartial.Authority)
                : throw new InvalidOperationException($"{ApiOriginsSetting} must list origins such as https://aichat-func.azurewebsites.net; not: {entry}"))];
}
