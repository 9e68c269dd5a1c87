namespace AiChat.Core.Images;

/// <summary>
/// An image part as a request carried it, before it is checked: the bytes its data URL decoded to, or (with
/// ALLOW_IMAGE_URLS) the http(s) URL passed on as it is.
/// </summary>
/// <param name="Message">The index of the message it belongs to.</param>
/// <param name="Field">Where it was in the request, e.g. <c>messages[0].content[1]</c>, for a refusal to name.</param>
internal sealed record ImagePart(int Message, string Field, byte[]? Data, string? Url = null);
