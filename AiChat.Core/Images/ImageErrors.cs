namespace AiChat.Core.Images;

/// <summary>The refusals of an image, each naming the part it is about.</summary>
internal static class ImageErrors
{
    public const string InvalidImage = "invalid_image";
    public const string UrlNotAllowed = "image_url_not_allowed";

    public static ApiError Invalid(string field, string why) =>
        new(400, InvalidImage, $"{field} is not an image this server accepts: {why}.") { Field = field };

    public static ApiError UrlRefused(string field) =>
        new(400, UrlNotAllowed,
            $"{field} is an image URL: send the image itself as a data URL (data:image/png;base64,...); image URLs are not passed on (ALLOW_IMAGE_URLS).")
        { Field = field, Limit = "ALLOW_IMAGE_URLS" };

    public static ApiError ModelTakesNoImages(string field, string model) =>
        new(400, InvalidImage, $"{field} is an image, and {model} does not take images; GET /api/models marks the models that do (imageInput).") { Field = field };

    public static ApiError TooMany(string field, int max) =>
        new(400, InvalidImage, $"{field} is one image too many: a request may carry at most {max}.") { Field = field, Limit = "MAX_IMAGES_PER_REQUEST" };
}
