using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AiChat.Core.Telemetry;

public static class AiChatTelemetryExtensions
{
    /// <summary>
    /// AiChat's traces, metrics and logs: its own spans and instruments, the framework's server and HttpClient ones.
    /// They are exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set and to Azure Monitor when
    /// APPLICATIONINSIGHTS_CONNECTION_STRING is set; with neither, the OpenTelemetry SDK is not registered at all and
    /// nothing listens. <paramref name="configure"/> adds a host's own part (the Functions worker's defaults) when exporting.
    /// </summary>
    public static IHostApplicationBuilder AddAiChatTelemetry(this IHostApplicationBuilder builder, Action<IOpenTelemetryBuilder>? configure = null)
    {
        var options = builder.Configuration.Get<TelemetryOptions>() ?? new TelemetryOptions();
        ToolTelemetry.CaptureMessageContent = options.CaptureMessageContent;
        builder.Services.AddSingleton(options);

        // What to listen to, registered whether or not anything exports: it takes effect only once a provider is built.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(AiChatDiagnostics.Name)
            .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.EnrichWithHttpResponse = AiChatHttpRoutes.EnrichRoutedResponse)
            .AddHttpClientInstrumentation());
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(AiChatDiagnostics.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation());

        if (!options.ExportsOtlp && !options.ExportsAzureMonitor)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing()
            .WithMetrics()
            .WithLogging();
        if (options.ExportsOtlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (options.ExportsAzureMonitor)
        {
            telemetry.UseAzureMonitorExporter(azureMonitor =>
            {
                azureMonitor.ConnectionString = options.ApplicationInsightsConnectionString;
                azureMonitor.Credential = EntraCredential(options.ApplicationInsightsAuthentication);
            });
        }

        configure?.Invoke(telemetry);
        return builder;
    }

    /// <summary>The credential APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for, as the Functions host reads it; null for key-based ingestion.</summary>
    internal static TokenCredential? EntraCredential(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
