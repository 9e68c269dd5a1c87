using AiChat.Core.Hosting;
using AiChat.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ErrorResponseMiddleware>();
builder.AddAiChat();

var host = builder.Build();
host.Run();
