@description('The vault\'s name: 3 to 24 letters, digits and dashes.')
param name string

param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure role assignments, each scoped to one secret; no access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name

// What KEY_VAULT_URI expects; known before the vault exists, so checks can read it from the template.
output uri string = 'https://${vault.name}${environment().suffixes.keyvaultDns}/'
