using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AiChat.Core.Api;

/// <summary>
/// Writes an <see cref="ApiError"/> as ProblemDetails JSON whatever the request's Accept header says, with an
/// <c>error</c> member holding the message, which is what the Flask seed's frontends read.
/// </summary>
internal static class ApiErrorWriter
{
    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        WriteHeaders(context.Response, error);

        var problem = new ProblemDetails
        {
            Status = error.Status,
            Title = ReasonPhrases.GetReasonPhrase(error.Status),
            Detail = error.Message,
            Extensions =
            {
                ["error"] = error.Message,
                ["code"] = error.Code,
            },
        };
        if (error.Field is not null)
        {
            problem.Extensions["field"] = error.Field;
        }

        if (error.Limit is not null)
        {
            problem.Extensions["limit"] = error.Limit;
        }

        if (error.UpstreamRequestId is not null)
        {
            problem.Extensions["upstream_request_id"] = error.UpstreamRequestId;
        }

        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>The headers an error carries whatever its body's shape: Retry-After when the caller may try again later.</summary>
    public static void WriteHeaders(HttpResponse response, ApiError error)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
