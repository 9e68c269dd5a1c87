using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator.AMap;

/// <summary>Every AMap path: records the request (key redacted), applies a fault marker, checks key and QPS, answers.</summary>
internal sealed class AMapEndpoint(AMapJournal journal, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var raw = context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var key = raw.GetValueOrDefault("key");
        var parameters = raw.Where(p => p.Key != "key" && AMapFault.Strip(p.Value).Length > 0)
            .ToDictionary(p => p.Key, p => AMapFault.Strip(p.Value), StringComparer.Ordinal);
        var redacted = string.Join('&', raw.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + (p.Key == "key" ? "*" : Uri.EscapeDataString(p.Value))));
        journal.Receive(new ReceivedAMapRequest(path, redacted, key is { Length: > 0 }, parameters));

        var fault = AMapFault.Parse(raw.Where(p => p.Key != "key").Select(p => p.Value));
        if (fault.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Delay, time, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (fault.HttpStatus is { } status || fault.NotJson)
        {
            context.Response.StatusCode = fault.HttpStatus ?? 200;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", context.RequestAborted);
            return;
        }

        var answer = key is not { Length: > 0 } ? AMapJsonValues.Error("10001")
            : !journal.WithinQps(key) ? AMapJsonValues.Error("10020")
            : fault.Infocode is { } infocode && (!fault.OnlyFirstTime || journal.IsFirstSeen(path + "?" + redacted)) ? AMapJsonValues.Error(infocode)
            : AMapAnswers.Answer(path, parameters, time.GetUtcNow());
        await WriteAsync(context, answer);
    }

    private static async Task WriteAsync(HttpContext context, JsonObject answer)
    {
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.ToJsonString(Json)), context.RequestAborted);
    }
}
