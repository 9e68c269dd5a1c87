using System.Buffers;
using System.Text.Json;

namespace AiChat.Bench;

/// <summary>
/// One user message as both routes send it: the seed's body to AiChat, and the native body AiChat itself sends
/// upstream, so the direct request is the one AiChat would make. Bodies are built once, not per request.
/// </summary>
internal sealed class Prompt
{
    public Prompt(string text, int? chunkDelayMs = null)
    {
        var content = chunkDelayMs is { } ms ? $"{text} [[chunk-delay-ms:{ms}]]" : text;
        ThroughBody = Json(json => WriteMessages(json, content));
        DirectCompletionBody = Native(content, stream: false);
        DirectStreamBody = Native(content, stream: true);
        ExpectedEvents = ("You said: " + text).Split(' ').Length + 1;
    }

    public byte[] ThroughBody { get; }

    public byte[] DirectCompletionBody { get; }

    public byte[] DirectStreamBody { get; }

    /// <summary>The emulator streams "You said: TEXT" one space-ended piece per event, then a closing event.</summary>
    public int ExpectedEvents { get; }

    private static byte[] Native(string content, bool stream) => Json(json =>
    {
        json.WriteStartObject("input");
        WriteMessages(json, content);
        json.WriteEndObject();
        json.WriteStartObject("parameters");
        json.WriteString("result_format", "message");
        if (stream)
        {
            json.WriteBoolean("incremental_output", true);
        }

        json.WriteEndObject();
    });

    private static void WriteMessages(Utf8JsonWriter json, string content)
    {
        json.WriteStartArray("messages");
        json.WriteStartObject();
        json.WriteString("role", "user");
        json.WriteString("content", content);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeMembers)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("model", "qwen-plus");
            writeMembers(json);
            json.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }
}
