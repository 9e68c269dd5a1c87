using Microsoft.AspNetCore.Cors.Infrastructure;

namespace AiChat.Core.Hosting;

internal static class CorsPolicies
{
    /// <summary>Every origin unless ALLOWED_ORIGINS names some; Retry-After readable by browser code.</summary>
    public static void Configure(CorsPolicyBuilder policy, AiChatOptions options)
    {
        var origins = (options.AllowedOrigins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (origins.Length == 0)
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            policy.WithOrigins(origins);
        }

        policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
    }
}
