using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace AiChat.Core.OpenAI;

/// <summary>The OpenAI-compatible surface's services and routes, for <c>AddAiChat</c> and <c>MapAiChat</c>.</summary>
internal static class OpenAIRegistration
{
    public static IServiceCollection AddOpenAICompatibleApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenAIOptions>().Bind(configuration).ValidateAtStart<OpenAIOptions, OpenAIOptionsValidator>();
        services.AddSingleton<ClientKeys>();
        services.AddSingleton<OpenAIModelsEndpoint>();
        services.AddSingleton<OpenAIChatEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpenAICompatibleApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/models", context => Endpoint<OpenAIModelsEndpoint>(context).ListAsync(context));
        routes.MapGet("/v1/models/{id}", context => Endpoint<OpenAIModelsEndpoint>(context).GetAsync(context, (string)context.GetRouteValue("id")!));
        routes.MapPost("/v1/chat/completions", context => Endpoint<OpenAIChatEndpoint>(context).HandleAsync(context));
        return routes;
    }

    private static T Endpoint<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();
}
