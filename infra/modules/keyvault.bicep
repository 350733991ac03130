// Key Vault for SMTP and IMAP passwords. Access is by Azure RBAC only (no access policies); the app reads secrets
// through Key Vault references in its app settings, as its managed identity.

@description('Key Vault name: 3-24 letters, digits and dashes, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Names of the Key Vault secrets to write, by key: the sender name for SMTP, imap:<sender> for IMAP.')
param secretNames { *: string }

@description('Password by the same keys. Only keys listed here get their secret written.')
@secure()
param senderPasswords { *: string }

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    softDeleteRetentionInDays: 7
  }
}

// A password missing from senderPasswords leaves its existing secret alone (deployments are incremental),
// so a redeploy does not need every password again, and a rotated secret is not overwritten.
resource passwords 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for sender in filter(items(secretNames), s => contains(senderPasswords, s.key)): {
    parent: vault
    name: sender.value
    properties: {
      value: senderPasswords[sender.key]
      contentType: startsWith(sender.key, 'imap:') ? 'IMAP password' : 'SMTP password'
    }
  }
]

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
