namespace AiChat.Functions.Tests.Support;

/// <summary>Answers every request with one canned response and keeps the requests it saw, with their bodies.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body, string contentType = "text/event-stream") : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = new(contentType);
        response.Headers.Add("X-Request-ID", "header-request-id");
        return response;
    }
}
