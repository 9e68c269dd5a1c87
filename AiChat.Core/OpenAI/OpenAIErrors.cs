using Microsoft.Net.Http.Headers;

namespace AiChat.Core.OpenAI;

/// <summary>
/// Errors in OpenAI's envelope, <c>{"error": {"message", "type", "param", "code"}}</c>, with the status and code the
/// seed endpoints give the same failure, so the OpenAI SDKs raise their usual exceptions.
/// </summary>
internal static class OpenAIErrors
{
    public static async Task WriteAsync(HttpContext context, ApiError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = "application/json";
        ApiErrorWriter.WriteHeaders(response, error);

        if (error.Status == 401)
        {
            response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        await using (var json = new Utf8JsonWriter(response.BodyWriter, OpenAIJson.WriterOptions))
        {
            WriteEnvelope(json, error);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static void WriteEnvelope(Utf8JsonWriter json, ApiError error)
    {
        json.WriteStartObject();
        json.WriteStartObject("error"u8);
        json.WriteString("message"u8, error.Message);
        json.WriteString("type"u8, Type(error.Status));
        if (error.Field is null)
        {
            json.WriteNull("param"u8);
        }
        else
        {
            json.WriteString("param"u8, error.Field);
        }

        json.WriteString("code"u8, error.Code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Type(int status) => status switch
    {
        429 => "rate_limit_error",
        < 500 => "invalid_request_error",
        _ => "server_error",
    };
}
