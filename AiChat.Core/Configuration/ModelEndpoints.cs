namespace AiChat.Core.Configuration;

/// <summary>The values of <see cref="ModelInfo.Endpoint"/>: which native endpoint serves a model.</summary>
internal static class ModelEndpoints
{
    public const string Text = "text";

    public const string Multimodal = "multimodal";

    public static bool IsKnown(string value) => value is Text or Multimodal;
}
