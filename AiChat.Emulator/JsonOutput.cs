using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>Hands out a JSON writer aimed straight at a response's pipe.</summary>
internal static class JsonOutput
{
    // The upstream sends non-ASCII text as raw UTF-8, not \u escapes; this JSON never lands in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static Utf8JsonWriter? Cached;

    /// <summary>
    /// Returns this thread's writer reset onto <paramref name="output"/>. Callers write one value and flush it with no
    /// await in between, so a writer per thread serves every request without allocating one per frame.
    /// </summary>
    public static Utf8JsonWriter Start(IBufferWriter<byte> output)
    {
        var writer = Cached ??= new Utf8JsonWriter(output, Options);
        writer.Reset(output);
        return writer;
    }
}
