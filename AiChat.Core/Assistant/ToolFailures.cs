using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiChat.Core.Assistant;

/// <summary>The failure shape of a tool result the model reads (docs/geo-assistant.md#what-the-model-sees), with its fixed texts.</summary>
internal static class ToolFailures
{
    public const string UnknownTool = "unknown_tool";
    public const string InvalidArguments = "invalid_arguments";
    public const string LimitReached = "limit_reached";
    public const string Timeout = "timeout";

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Content(string code) => code switch
    {
        UnknownTool => Write(code, "没有这个工具"),
        LimitReached => Write(code, "本轮工具调用次数已达上限"),
        Timeout => Write(code, "地图服务超时"),
        InvalidArguments => Write(code, "参数无效：arguments 不是 JSON 对象"),
        _ => Write(code, "地图服务暂时不可用"),
    };

    private static string Write(string code, string message)
    {
        var output = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(output, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("error", code);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
