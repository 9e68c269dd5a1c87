namespace AiChat.Functions.Tests.Deployment;

/// <summary>App settings the Bicep may write that AiChat itself does not read, each with who does.</summary>
public static class PlatformSettingNames
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__accountName"] = "the Functions host: its storage account, reached by identity",
        ["AzureWebJobsStorage__credential"] = "the Functions host: 'managedidentity' instead of a connection string",
        ["AzureWebJobsStorage__clientId"] = "the Functions host: which user-assigned identity reaches storage",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "the Functions host and the Azure Monitor exporters: where telemetry goes",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "the Functions host: telemetry sent with an Entra token for this identity",
        ["AZURE_CLIENT_ID"] = "Azure.Identity's DefaultAzureCredential: which user-assigned identity reads Key Vault",
    };
}
