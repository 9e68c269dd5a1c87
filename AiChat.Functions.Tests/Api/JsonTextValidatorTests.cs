using System.Buffers;
using System.Text.Encodings.Web;
using AiChat.Core.Api;
using CsCheck;

namespace AiChat.Functions.Tests.Api;

public sealed class JsonTextValidatorTests
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Any text: ASCII, CJK, astral characters (surrogate pairs once escaped), controls.</summary>
    private static readonly Gen<string> Text =
        Gen.Frequency((4, Gen.Int[0x20, 0x7E]), (2, Gen.Int[0x4E00, 0x9FFF]), (1, Gen.Int[0x1F300, 0x1FAFF]), (1, Gen.Int[0, 0x10FFFF]))
            .Where(codePoint => codePoint is < 0xD800 or > 0xDFFF)
            .Select(char.ConvertFromUtf32)
            .Array[0, 6]
            .Select(string.Concat);

    private static readonly Gen<int[]> Cuts = Gen.Int[0, 10_000].Array[0, 5];

    [Fact]
    public void Valid_text_anywhere_escaped_or_not_and_however_the_body_is_split_is_accepted()
    {
        Gen.Select(Text, Text, Text, Gen.Bool, Cuts).Sample((content, name, value, escaped, cuts) =>
        {
            var options = escaped ? JsonSerializerOptions.Default : Raw;
            var body = Body(JsonSerializer.Serialize(content, options), JsonSerializer.Serialize(name, options), JsonSerializer.Serialize(value, options));

            Assert.Null(FindInvalidText(Split(body, cuts)));
        });
    }

    [Theory]
    [InlineData(0, "messages[1].content")]
    [InlineData(1, "messages[1]")]
    [InlineData(2, "extra.list[2]")]
    public void Half_a_surrogate_pair_anywhere_is_found_at_its_path_however_the_body_is_split(int place, string path)
    {
        Gen.Select(Text, Gen.OneOf(@"\ud800", @"\udfff", @"\udc00\ud800", @"\ud83d\ud83d", @"\ud83dx"), Cuts).Sample((text, bad, cuts) =>
        {
            var strings = new[] { text, "name", "value" }.Select(s => JsonSerializer.Serialize(s)).ToArray();
            strings[place] = strings[place].Insert(1, bad);

            Assert.Equal(path, FindInvalidText(Split(Body(strings[0], strings[1], strings[2]), cuts)));
        });
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    public void Bytes_that_are_not_utf8_are_found_in_a_member_name(byte[] bad)
    {
        byte[] body = [.. """{"model":"qwen-plus","extra":{"ok":1,"""u8, (byte)'"', .. bad, .. "\":2}}"u8];

        Assert.Equal("extra", FindInvalidText(new ReadOnlySequence<byte>(body)));
    }

    [Fact]
    public void A_long_member_name_is_cut_short_in_the_path()
    {
        var name = new string('n', 1000);
        var body = Encoding.UTF8.GetBytes($$"""{"{{name}}":"\ud800"}""");

        Assert.Equal(new string('n', 64) + "…", FindInvalidText(new ReadOnlySequence<byte>(body)));
    }

    private static string? FindInvalidText(ReadOnlySequence<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        return JsonTextValidator.FindInvalidText(document.RootElement);
    }

    /// <param name="content">The content of messages[1]; <paramref name="name"/> is a member of messages[1], <paramref name="value"/> is extra.list[2].</param>
    private static byte[] Body(string content, string name, string value) => Encoding.UTF8.GetBytes(
        $$$"""{"messages":[{"role":"system","content":"s"},{"role":"user","content":{{{content}}},{{{name}}}:true}],"extra":{"list":[1,{"a":null},{{{value}}}]}}""");

    private static ReadOnlySequence<byte> Split(byte[] body, int[] cuts)
    {
        var points = cuts.Select(cut => cut % (body.Length + 1)).Append(0).Append(body.Length).Distinct().Order().ToArray();
        Segment? first = null, last = null;
        for (var i = 0; i < points.Length - 1; i++)
        {
            var segment = new Segment(body.AsMemory(points[i], points[i + 1] - points[i]), points[i]);
            last?.Append(segment);
            first ??= segment;
            last = segment;
        }

        return first is null ? new ReadOnlySequence<byte>(body) : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex) => (Memory, RunningIndex) = (memory, runningIndex);

        public void Append(Segment next) => Next = next;
    }
}
