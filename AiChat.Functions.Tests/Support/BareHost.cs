using AiChat.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AiChat.Functions.Tests.Support;

/// <summary>AiChat's services in a generic host without a server, from the given settings: to check start-up validation and registrations.</summary>
internal static class BareHost
{
    /// <param name="environment">Null for the host's default (Production).</param>
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, string? environment = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAiChat();
        return builder.Build();
    }
}
