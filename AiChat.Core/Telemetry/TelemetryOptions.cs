using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Telemetry;

/// <summary>The telemetry settings AiChat itself reads; the exporters read their own OTEL_* settings.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>Turns on the OTLP exporter for traces, metrics and logs.</summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public string? OtlpEndpoint { get; set; }

    /// <summary>Turns on the Azure Monitor exporter (Application Insights).</summary>
    [ConfigurationKeyName("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary><c>Authorization=AAD</c>, optionally <c>;ClientId=…</c>: send to Application Insights with an Entra ID token.</summary>
    [ConfigurationKeyName("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    public string? ApplicationInsightsAuthentication { get; set; }

    /// <summary>Message text (and tool arguments and results) in GenAI spans; never keys or session ids.</summary>
    [ConfigurationKeyName("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT")]
    public bool CaptureMessageContent { get; set; }

    [ConfigurationKeyName("OTEL_SERVICE_NAME")]
    public string ServiceName { get; set; } = "aichat";

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool ExportsAzureMonitor => !string.IsNullOrWhiteSpace(ApplicationInsightsConnectionString);
}
