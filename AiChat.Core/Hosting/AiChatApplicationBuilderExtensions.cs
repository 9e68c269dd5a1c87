using AiChat.Core.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace AiChat.Core.Hosting;

public static class AiChatApplicationBuilderExtensions
{
    /// <summary>
    /// The self-host's middleware: JSON for every error the framework would answer with an empty body
    /// (unknown route, wrong method, the server's own request errors with their 4xx, any other exception as a 500
    /// without its stack trace), then the Front Door check (FRONT_DOOR_ID), then CORS.
    /// </summary>
    public static IApplicationBuilder UseAiChat(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
                ApiErrorWriter.WriteAsync(context, ExceptionErrorMapper.Map(context.Features.Get<IExceptionHandlerFeature>()!.Error)),
        });
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            var message = status switch
            {
                404 => $"No endpoint at {context.HttpContext.Request.Path}.",
                405 => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                _ => ReasonPhrases.GetReasonPhrase(status),
            };
            return ApiErrorWriter.WriteAsync(context.HttpContext, new ApiError(status, CodeFor(status), message));
        });
        // Only with FRONT_DOOR_ID set: no request pays for a check that admits everything.
        if (app.ApplicationServices.GetRequiredService<FrontDoorGate>() is { IsOn: true } gate)
        {
            app.Use((context, next) => gate.Admits(context.Request) ? next(context) : ApiErrorWriter.WriteAsync(context, FrontDoorGate.Refusal));
        }

        app.UseCors();
        return app;
    }

    private static string CodeFor(int status) => status switch
    {
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        _ => "http_" + status,
    };
}
