using AiChat.Core.Limits;

namespace AiChat.Core.Configuration;

// The data-annotation rules on the settings classes ([Range], [RegularExpression]), checked by code the options source generator writes at
// build time: the same messages as Microsoft.Extensions.Options' reflection-based DataAnnotations validation, without
// the reflection that trimming and native AOT cannot keep.

[OptionsValidator]
internal sealed partial class SessionAnnotationValidator : IValidateOptions<SessionOptions>;

[OptionsValidator]
internal sealed partial class LimitAnnotationValidator : IValidateOptions<LimitOptions>;

[OptionsValidator]
internal sealed partial class ResilienceAnnotationValidator : IValidateOptions<ResilienceOptions>;

[OptionsValidator]
internal sealed partial class ImageAnnotationValidator : IValidateOptions<ImageOptions>;
