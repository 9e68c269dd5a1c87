targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment\'s name: it names the resource group and seeds every resource\'s name.')
param environmentName string

@minLength(1)
@description('The region of every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Your own object id (azd sets it): you may then read the keys from Key Vault when you run AiChat locally. Empty for none.')
param principalId string = ''

@description('Whether principalId is a user or a service principal (a CI pipeline\'s).')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@secure()
@minLength(1)
@description('The DashScope API key. Written to Key Vault; the app reads it from there and never sees it in its settings.')
param dashScopeApiKey string

@secure()
@description('An AMap Web Service key for the geo assistant; empty turns the geo assistant off.')
param amapApiKey string = ''

@secure()
@description('Comma-separated keys for the OpenAI-compatible API (/v1), each of at least 16 characters; empty leaves /v1 off.')
param clientApiKeys string = ''

@description('DashScope\'s region and protocol: .../api/v1 (native) or .../compatible-mode/v1 (OpenAI-compatible).')
param dashScopeBaseUrl string = 'https://dashscope.aliyuncs.com/api/v1'

@description('The model used when a request names none.')
param dashScopeModel string = 'qwen-plus'

@description('Comma-separated origins the Function App\'s CORS admits, e.g. https://chat.example.com; * for any; empty for none.')
param allowedOrigins string = ''

@description('Chat requests per client per minute; 0 turns the limit off.')
@minValue(0)
param rateLimitRequestsPerMinute int = 60

@description('Streams one client may have open at once; 0 turns the limit off.')
@minValue(0)
param rateLimitConcurrentStreams int = 4

// With both of these 0 the app refuses to start (docs/limits.md#spend-bound), unless allowUnboundedSpend says otherwise.
@description('Tokens per client per UTC day; 0 turns the limit off.')
@minValue(0)
param rateLimitTokensPerDay int = 100000

@description('Tokens all clients together may spend per UTC day; 0 turns the budget off.')
@minValue(0)
param dailyTokenBudget int = 1000000

@description('Let the app start with both token limits off, spending the DashScope key without a bound.')
param allowUnboundedSpend bool = false

@description('Geo tool calls (AMap lookups) per client per UTC day; 0 turns the limit off.')
@minValue(0)
param geoToolCallsPerClientPerDay int = 100

@description('An Azure Cache for Redis (TLS only) for sessions and limits shared by every instance. Off: one instance, sessions and limits in its memory.')
param redisEnabled bool = false

@allowed([
  'Basic'
  'Standard'
])
param redisSkuName string = 'Basic'

@minValue(0)
@maxValue(6)
param redisCapacity int = 0

@description('The most instances the app scales out to when Redis is on; without Redis it is held at one.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Concurrent HTTP requests, streams included, per instance: streams mostly wait on DashScope.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 50

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('GB Log Analytics ingests per day before it stops until the next day; -1 for no cap.')
@minValue(-1)
param logAnalyticsDailyCapGb int = 1

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var vaultName = 'kv-${resourceToken}'
var secretNames = {
  dashScopeApiKey: 'DashScopeApiKey'
  amapApiKey: 'AMapApiKey'
  clientApiKeys: 'ClientApiKeys'
  redisConnection: 'RedisConnection'
}

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}'
    appPrincipalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: 30
    dailyCapGb: logAnalyticsDailyCapGb
    appPrincipalId: identity.outputs.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'vault'
  scope: group
  params: {
    name: vaultName
    location: location
    tags: tags
  }
}

var geoEnabled = !empty(amapApiKey)
var clientKeysEnabled = !empty(clientApiKeys)
var appReader = [{ id: identity.outputs.principalId, type: 'ServicePrincipal' }]
var keyReaders = concat(appReader, empty(principalId) ? [] : [{ id: principalId, type: principalType }])

module dashScopeKey 'modules/secret.bicep' = {
  name: 'dashscope-key'
  scope: group
  params: {
    vaultName: vault.outputs.name
    name: secretNames.dashScopeApiKey
    value: dashScopeApiKey
    readers: keyReaders
  }
}

module amapKey 'modules/secret.bicep' = if (geoEnabled) {
  name: 'amap-key'
  scope: group
  params: {
    vaultName: vault.outputs.name
    name: secretNames.amapApiKey
    value: amapApiKey
    readers: keyReaders
  }
}

module clientKeys 'modules/secret.bicep' = if (clientKeysEnabled) {
  name: 'client-api-keys'
  scope: group
  params: {
    vaultName: vault.outputs.name
    name: secretNames.clientApiKeys
    value: clientApiKeys
    readers: appReader
  }
}

module redis 'modules/redis.bicep' = if (redisEnabled) {
  name: 'redis'
  scope: group
  params: {
    name: 'redis-${resourceToken}'
    location: location
    tags: tags
    skuName: redisSkuName
    capacity: redisCapacity
    vaultName: vault.outputs.name
    connectionSecretName: secretNames.redisConnection
    secretReaders: appReader
  }
}

// Every name below is one AiChat reads (AiChat.Core's options classes); the Deployment tests hold the two together.
// Secrets are named, not referenced by their deployments' outputs, so the whole set is known before anything exists.
var aiChatSettings = union(
  {
    KEY_VAULT_URI: vault.outputs.uri
    DASHSCOPE_API_KEY_SECRET_NAME: secretNames.dashScopeApiKey
    DASHSCOPE_BASE_URL: dashScopeBaseUrl
    DASHSCOPE_MODEL: dashScopeModel
    // With KEY_VAULT_URI set, "auto" would count the vault as an AMap key: say which it is.
    GEO_ASSISTANT: geoEnabled ? 'on' : 'off'
    SESSION_STORE: redisEnabled ? 'redis' : 'memory'
    RATE_LIMIT_REQUESTS_PER_MINUTE: string(rateLimitRequestsPerMinute)
    RATE_LIMIT_CONCURRENT_STREAMS: string(rateLimitConcurrentStreams)
    RATE_LIMIT_TOKENS_PER_DAY: string(rateLimitTokensPerDay)
    DAILY_TOKEN_BUDGET: string(dailyTokenBudget)
    GEO_TOOL_CALLS_PER_CLIENT_PER_DAY: string(geoToolCallsPerClientPerDay)
  },
  allowUnboundedSpend ? { ALLOW_UNBOUNDED_SPEND: 'true' } : {},
  geoEnabled ? { AMAP_API_KEY_SECRET_NAME: secretNames.amapApiKey } : {},
  clientKeysEnabled ? { CLIENT_API_KEYS: keyVaultReference(vaultName, secretNames.clientApiKeys) } : {},
  redisEnabled ? { REDIS_CONNECTION: keyVaultReference(vaultName, secretNames.redisConnection) } : {}
)

// Resolved by App Service as the app's identity when the app starts, and again as the secret gets new versions.
func keyVaultReference(vault string, secret string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})'

module app 'modules/functionapp.bicep' = {
  name: 'app'
  scope: group
  // The settings name these secrets without referring to them: the app starts once they exist.
  dependsOn: [
    dashScopeKey
    amapKey
    clientKeys
    redis
  ]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    appSettings: aiChatSettings
    allowedOrigins: map(filter(split(allowedOrigins, ','), origin => !empty(trim(origin))), origin => trim(origin))
    // Sessions and limits in memory hold only when every request reaches the same instance.
    maximumInstanceCount: redisEnabled ? maximumInstanceCount : 1
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    instanceMemoryMB: instanceMemoryMB
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_NAME string = app.outputs.name
output SERVICE_API_NAME string = app.outputs.name
output SERVICE_API_URI string = app.outputs.url
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output KEY_VAULT_URI string = vault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
output AZURE_MANAGED_IDENTITY_NAME string = identity.outputs.name
output REDIS_NAME string = redisEnabled ? redis!.outputs.name : ''
