using AiChat.Core.Hosting;
using AiChat.Server;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnPortSetting();
await builder.UseEmbeddedEmulatorWithoutKeyAsync();
await builder.UseEmbeddedAMapEmulatorWithoutKeyAsync();
builder.AddAiChat();

var app = builder.Build();
app.UseAiChat();
app.MapAiChat();
app.Run();
