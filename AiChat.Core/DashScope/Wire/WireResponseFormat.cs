namespace AiChat.Core.DashScope.Wire;

/// <summary><c>response_format</c>; only JSON mode is ever sent.</summary>
internal sealed record WireResponseFormat(string Type)
{
    public static readonly WireResponseFormat JsonObject = new("json_object");
}
