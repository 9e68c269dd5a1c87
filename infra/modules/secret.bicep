@description('The vault that keeps the secret.')
param vaultName string

@description('The secret\'s name: letters, digits and dashes.')
param name string

@secure()
param value string

@description('Principals that may read this one secret (Key Vault Secrets User on it, nothing else in the vault): { id, type } objects, type User or ServicePrincipal.')
param readers array

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: vaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: name
  properties: {
    value: value
  }
}

resource secretReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for reader in readers: {
    name: guid(secret.id, reader.id, keyVaultSecretsUser)
    scope: secret
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
      principalId: reader.id
      principalType: reader.type
    }
  }
]

output name string = secret.name

@description('The versionless URI, for a Key Vault reference that follows new versions.')
output uri string = secret.properties.secretUri
