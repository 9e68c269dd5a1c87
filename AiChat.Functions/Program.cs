using AiChat.Core.Hosting;
using AiChat.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpRouteMiddleware>();
builder.UseMiddleware<ErrorResponseMiddleware>();
builder.UseMiddleware<FrontDoorMiddleware>();
// When telemetry is exported, the worker sends its own, as Azure documents for isolated workers (host.json's telemetryMode).
builder.AddAiChat(telemetry => telemetry.UseFunctionsWorkerDefaults());

var host = builder.Build();
host.Run();
