@description('The cache\'s name.')
param name string

param location string
param tags object

@description('Basic C0 is the smallest; Basic has no replica and no SLA, Standard adds both.')
@allowed([
  'Basic'
  'Standard'
])
param skuName string

@description('The size within the family: 0 is 250 MB, 1 is 1 GB.')
@minValue(0)
@maxValue(6)
param capacity int

@description('The vault that keeps REDIS_CONNECTION, which carries the cache\'s access key.')
param vaultName string

@description('The secret that keeps the connection string.')
param connectionSecretName string

@description('Principals that may read the connection secret: { id, type } objects.')
param secretReaders array

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: 'C'
      capacity: capacity
    }
    // TLS only, on port 6380; unclustered, as AiChat's limit checks need (their keys span hash slots).
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisVersion: '6'
  }
}

// A StackExchange.Redis configuration string; ssl=true validates the cache's certificate against the system's CAs.
module connection 'secret.bicep' = {
  name: '${deployment().name}-connection'
  params: {
    vaultName: vaultName
    name: connectionSecretName
    value: '${cache.properties.hostName}:${cache.properties.sslPort},password=${cache.listKeys().primaryKey},ssl=true,abortConnect=false'
    readers: secretReaders
  }
}

output name string = cache.name
