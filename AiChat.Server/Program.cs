using AiChat.Core.Hosting;
using AiChat.Server;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnPortSetting();
await builder.UseEmbeddedEmulatorWithoutKeyAsync();
await builder.UseEmbeddedAMapEmulatorWithoutKeyAsync();
builder.AddAiChat();

var app = builder.Build();
app.UseAiChat();
// The chat page (wwwroot): index.html at /, its script and stylesheet beside it, with its security headers.
app.UseChatPage();
app.MapAiChat();
app.Run();
