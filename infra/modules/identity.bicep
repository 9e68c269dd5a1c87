@description('The identity\'s name.')
param name string

param location string
param tags object

// The app's one identity: storage, Key Vault, Application Insights and deployments all see this principal.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
