param name string
param planName string
param location string
param tags object

@description('The user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@description('AiChat\'s own settings; the platform\'s (storage, telemetry, identity) are added here.')
param appSettings object

@description('Origins the Function App\'s CORS admits; AiChat\'s ALLOWED_ORIGINS does not apply under the Functions host.')
param allowedOrigins array

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Concurrent HTTP requests, streams included, one instance takes before another is started.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

var platformSettings = {
  // The Functions host's own storage, reached by the identity: no connection string, no account key.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Telemetry is sent with an Entra token for this identity (Application Insights has local authentication off).
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential, which reads the DashScope and AMap keys from Key Vault, takes this user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings (REDIS_CONNECTION, CLIENT_API_KEYS) are resolved as this identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: allowedOrigins
      }
      appSettings: map(items(union(appSettings, platformSettings)), setting => { name: setting.key, value: setting.value })
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
