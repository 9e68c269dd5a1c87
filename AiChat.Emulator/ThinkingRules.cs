namespace AiChat.Emulator;

/// <summary>
/// The checks DashScope makes of a request's endpoint, content shape and thinking fields, in its own words (HTTP 400
/// InvalidParameter; compatible mode wraps the text).
/// </summary>
internal static class ThinkingRules
{
    public const string UrlError = "url error, please check url！ For details, see: https://help.aliyun.com/zh/model-studio/error-code#error-url";
    public const string ContentMustBeString = "input content must be a string.";
    public const string NotAModalItem = "The item of content should be a message of a certain modal.";
    public const string NonStreamThinking = "parameter.enable_thinking must be set to false for non-streaming calls";
    public const string OnlyTrue = "The value of the enable_thinking parameter is restricted to True.";
    public const string StreamOnly = "This model only support stream mode, please enable the stream parameter to access the model.";
    public const string IncrementalOutput = "The incremental_output parameter must be \"true\" when enable_thinking is true";
    public const string JsonMode = "Json mode response is not supported when enable_thinking is true";

    public static string BudgetOutOfRange => $"The thinking_budget parameter must be a positive integer and not greater than {EmulatedModel.MaxThinkingBudget}";

    /// <param name="endpoint">null on compatible mode; otherwise whether the native path was multimodal-generation.</param>
    public static string? Check(ChatCall call, EmulatedModel model, bool? endpoint)
    {
        if (endpoint is { } multimodal)
        {
            if (multimodal != model.Multimodal)
            {
                return UrlError;
            }

            if (!multimodal && call.Content.HasFlag(ContentShape.Array))
            {
                return ContentMustBeString;
            }

            if (multimodal && (call.Content.HasFlag(ContentShape.String) || call.Content.HasFlag(ContentShape.UnknownPart)))
            {
                return NotAModalItem;
            }
        }

        if (call.EnableThinking == false && model.Thinking == "only")
        {
            return OnlyTrue;
        }

        if (call.ThinkingBudget is { } budget && (budget < 1 || budget > EmulatedModel.MaxThinkingBudget))
        {
            return BudgetOutOfRange;
        }

        if (!Thinks(call, model))
        {
            return null;
        }

        if (!call.Stream && !model.NonStreamThinking)
        {
            return model.Thinking == "only" ? StreamOnly : NonStreamThinking;
        }

        if (call.Stream && endpoint is not null && !call.IncrementalOutput)
        {
            return IncrementalOutput;
        }

        return call.JsonMode ? JsonMode : null;
    }

    /// <summary>Whether the answer thinks: the request's enable_thinking, else the model's default; never for a model that cannot.</summary>
    public static bool Thinks(ChatCall call, EmulatedModel model) => model.CanThink && (call.EnableThinking ?? model.ThinksByDefault);
}
