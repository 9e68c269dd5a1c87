namespace AiChat.Core.OpenApi;

/// <summary>GET /openapi/v1.json: the API's OpenAPI document, made once on first request.</summary>
internal sealed class OpenApiEndpoint
{
    private readonly Lazy<Task<byte[]>> _document = new(ApiDocument.RenderAsync);

    public async Task HandleAsync(HttpContext context)
    {
        var document = await _document.Value.WaitAsync(context.RequestAborted);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = document.Length;
        await context.Response.Body.WriteAsync(document, context.RequestAborted);
    }
}
