namespace AiChat.Core.Limits;

/// <summary>
/// FRONT_DOOR_ID: behind Azure Front Door, a request must carry that profile's id in X-Azure-FDID. Front Door
/// overwrites the header, so a request without the id reached the origin some other way (directly, or through
/// another profile) and is refused before anything else reads it.
/// </summary>
internal sealed class FrontDoorGate(IOptions<LimitOptions> options)
{
    public const string IdHeader = "X-Azure-FDID";

    private readonly Guid? _id = Guid.TryParse(options.Value.FrontDoorId, out var id) ? id : null;

    public static ApiError Refusal { get; } = new(403, "forbidden", "This app is reached through its Front Door only.");

    /// <summary>Whether FRONT_DOOR_ID is set; when it is not, every request is admitted.</summary>
    public bool IsOn => _id is not null;

    public bool Admits(HttpRequest request) =>
        _id is not { } id || (request.Headers[IdHeader] is [{ } sent] && Guid.TryParse(sent, out var sentId) && sentId == id);
}
