namespace AiChat.Core.OpenAI;

/// <summary>What every chunk of one stream repeats: its id, creation time and model, and whether usage was asked for.</summary>
internal readonly record struct StreamHeader(string Id, long Created, string Model, bool IncludeUsage);
