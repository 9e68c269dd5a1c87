using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

// The floor for any .NET backend in AiChat's position: every request forwarded to DASHSCOPE_BASE_URL's host as it
// came, body copied as it arrives, nothing parsed. GET /health is answered here so start-up is timed like AiChat's.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddHttpForwarder();
var app = builder.Build();

var upstream = new Uri(app.Configuration["DASHSCOPE_BASE_URL"] ?? throw new InvalidOperationException("DASHSCOPE_BASE_URL is not set."))
    .GetLeftPart(UriPartial.Authority);
var invoker = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.CreateNoOutputPropagator()),
    ConnectTimeout = TimeSpan.FromSeconds(10),
});
var forwarder = app.Services.GetRequiredService<IHttpForwarder>();

app.Run(async context =>
{
    if (context.Request.Path == "/health")
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return;
    }

    await forwarder.SendAsync(context, upstream, invoker, ForwarderRequestConfig.Empty, HttpTransformer.Empty);
});
app.Run();
