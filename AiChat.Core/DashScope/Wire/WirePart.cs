namespace AiChat.Core.DashScope.Wire;

/// <summary>One item of a multimodal message's <c>content</c> array: <c>{"text": "..."}</c>.</summary>
internal sealed record WirePart(string Text);
