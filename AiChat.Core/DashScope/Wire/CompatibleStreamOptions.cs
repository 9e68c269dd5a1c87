namespace AiChat.Core.DashScope.Wire;

internal sealed record CompatibleStreamOptions(bool IncludeUsage);
