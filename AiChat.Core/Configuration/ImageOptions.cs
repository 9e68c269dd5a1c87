using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Configuration;

/// <summary>What an image in a chat request may be and how many a request may carry (docs/images.md); what a session keeps is <see cref="SessionOptions.MaxImageBytes"/>.</summary>
internal sealed class ImageOptions
{
    /// <summary>The most bytes one image may have once its base64 is decoded.</summary>
    [ConfigurationKeyName("MAX_IMAGE_BYTES")]
    [SettingRange(1024, MaxImageBytesCeiling, ErrorMessage = "MAX_IMAGE_BYTES must be between 1024 and 7340032 (7 MiB, what DashScope takes as a data URL).")]
    public int MaxImageBytes { get; set; } = MaxImageBytesCeiling;

    /// <summary>The most pixels (width times height) an image may declare; checked from its header before it is decoded.</summary>
    [ConfigurationKeyName("MAX_IMAGE_PIXELS")]
    [SettingRange(100, 100_000_000, ErrorMessage = "MAX_IMAGE_PIXELS must be between 100 and 100000000.")]
    public long MaxImagePixels { get; set; } = 36_000_000;

    [ConfigurationKeyName("MAX_IMAGES_PER_REQUEST")]
    [SettingRange(0, 32, ErrorMessage = "MAX_IMAGES_PER_REQUEST must be between 0 (images refused) and 32.")]
    public int MaxImagesPerRequest { get; set; } = 8;

    /// <summary>Whether an http(s) image URL may be passed on for DashScope to fetch; AiChat itself never fetches one.</summary>
    [ConfigurationKeyName("ALLOW_IMAGE_URLS")]
    public bool AllowImageUrls { get; set; }

    /// <summary>7 MiB: DashScope takes a data URL of at most 10 MB encoded, and base64 adds a third.</summary>
    public const int MaxImageBytesCeiling = 7 * 1024 * 1024;

    /// <summary>The longest data URL an image within <see cref="MaxImageBytes"/> can be, with room for its prefix.</summary>
    public int MaxDataUrlLength => (MaxImageBytes + 2) / 3 * 4 + DataUrlPrefixRoom;

    /// <summary>
    /// What a chat body may hold beyond MAX_REQUEST_BODY_BYTES: every allowed image as a data URL. The text (the body
    /// less its image URLs) stays within MAX_REQUEST_BODY_BYTES.
    /// </summary>
    public long BodyAllowance => (long)MaxImagesPerRequest * MaxDataUrlLength;

    private const int DataUrlPrefixRoom = 64;
}
