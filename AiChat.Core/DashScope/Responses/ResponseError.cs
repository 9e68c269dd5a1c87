namespace AiChat.Core.DashScope.Responses;

/// <summary>The <c>error</c> object of the OpenAI-compatible envelope; its code is <c>code</c>, else <c>type</c>.</summary>
internal readonly record struct ResponseError(string? Code, string? Message)
{
    /// <summary>Reads the member's value; null when it is null.</summary>
    public static ResponseError? Read(ref Utf8JsonReader reader)
    {
        if (!reader.ReadObjectStart("error"))
        {
            return null;
        }

        string? code = null, type = null, message = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("code"u8))
            {
                code = reader.ReadString("error.code");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = reader.ReadString("error.type");
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = reader.ReadString("error.message");
            }
            else
            {
                reader.Skip();
            }
        }

        return new ResponseError(code ?? type, message);
    }
}
