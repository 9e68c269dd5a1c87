namespace AiChat.Emulator;

/// <summary>
/// What the emulator knows of a model, as DashScope behaves for it: its native endpoint, how it thinks, and the
/// thinking rules it enforces. A model missing from <see cref="Find"/>'s table is a text model that cannot think.
/// </summary>
/// <param name="Thinking"><c>none</c>, <c>hybrid-on</c>, <c>hybrid-off</c> or <c>only</c>.</param>
public sealed record EmulatedModel(string Id, bool Multimodal, string Thinking, bool NonStreamThinking, bool PreserveThinking)
{
    /// <summary>The largest <c>thinking_budget</c> the model takes.</summary>
    public const int MaxThinkingBudget = 81_920;

    public bool CanThink => Thinking != "none";

    public bool ThinksByDefault => Thinking is "hybrid-on" or "only";

    private static readonly Dictionary<string, EmulatedModel> Table = new[]
    {
        new EmulatedModel("qwen-plus", Multimodal: false, "hybrid-off", NonStreamThinking: true, PreserveThinking: false),
        new EmulatedModel("qwen-flash", Multimodal: false, "hybrid-off", NonStreamThinking: true, PreserveThinking: false),
        new EmulatedModel("qwen-turbo", Multimodal: false, "hybrid-off", NonStreamThinking: true, PreserveThinking: false),
        new EmulatedModel("qwen3-max", Multimodal: false, "hybrid-off", NonStreamThinking: true, PreserveThinking: false),
        new EmulatedModel("qwen3.6-plus", Multimodal: true, "hybrid-on", NonStreamThinking: true, PreserveThinking: true),
        new EmulatedModel("qwen3.5-plus", Multimodal: true, "hybrid-on", NonStreamThinking: true, PreserveThinking: false),
        new EmulatedModel("qwen3.5-flash", Multimodal: true, "hybrid-on", NonStreamThinking: true, PreserveThinking: false),
        new EmulatedModel("qwen3-vl-plus", Multimodal: true, "hybrid-off", NonStreamThinking: false, PreserveThinking: false),
        new EmulatedModel("qwq-plus", Multimodal: false, "only", NonStreamThinking: false, PreserveThinking: false),
    }.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public static EmulatedModel Find(string id) =>
        Table.TryGetValue(id, out var model) ? model : new EmulatedModel(id, Multimodal: false, "none", NonStreamThinking: false, PreserveThinking: false);
}
