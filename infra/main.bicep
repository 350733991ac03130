// MailMerge in one resource group: the Function App with a user-assigned identity, its storage account,
// a Key Vault for SMTP passwords, and Application Insights. Nothing uses keys or connection strings:
// the identity reaches storage, Key Vault and telemetry through role assignments.
targetScope = 'resourceGroup'

@description('An SMTP account the app can send from. `name` becomes part of app setting names.')
type senderAccount = {
  @description('Letters and digits only: it becomes MailMerge__Senders__<name>__* and a Key Vault secret name.')
  @minLength(1)
  @maxLength(40)
  name: string

  @description('SMTP server host name.')
  host: string

  @description('SMTP port, usually 587 (StartTls) or 465 (SslOnConnect).')
  @minValue(1)
  @maxValue(65535)
  port: int

  @description('How the connection is secured.')
  tls: 'None' | 'StartTls' | 'SslOnConnect'

  @description('SMTP user name.')
  user: string

  @description('Envelope and From address.')
  fromAddress: string

  @description('Display name in From.')
  fromName: string

  @description('The account\'s IMAP mailbox: archived campaigns also append each sent copy to its Sent folder. Its password goes in imapPasswords.')
  imap: imapMailbox?
}

@description('An IMAP mailbox that receives copies of archived campaigns\' messages.')
type imapMailbox = {
  @description('IMAP server host name.')
  host: string

  @description('IMAP port, usually 993 (SslOnConnect) or 143 (StartTls).')
  @minValue(1)
  @maxValue(65535)
  port: int

  @description('How the connection is secured.')
  tls: 'None' | 'StartTls' | 'SslOnConnect'

  @description('IMAP user name.')
  user: string

  @description('Folder the copies go to; left out, the folder marked \\Sent (else "Sent").')
  @maxLength(200)
  sentFolder: string?
}

@description('Short name of this environment (dev, test, prod): lowercase letters, digits and dashes.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Plan SKU: FC1 (Flex Consumption) or a dedicated Linux plan.')
param planSku ('FC1' | 'B1' | 'B2' | 'B3' | 'S1' | 'S2' | 'S3' | 'P0v3' | 'P1v3' | 'P2v3' | 'P3v3') = 'FC1'

@description('Most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('SMTP accounts the app can send from.')
param senders senderAccount[] = []

@description('SMTP password by sender name. A sender left out keeps the secret already in Key Vault.')
@secure()
param senderPasswords { *: string } = {}

@description('IMAP password by sender name, for senders with an imap mailbox. A sender left out keeps the secret already in Key Vault.')
@secure()
param imapPasswords { *: string } = {}

// Unique per subscription, resource group and environment, stable across redeployments.
var token = uniqueString(subscription().id, resourceGroup().id, environmentName)
var tags = {
  application: 'mailmerge'
  environment: environmentName
}
var functionAppName = 'func-mailmerge-${environmentName}-${token}'
// Names are computed here, not read from module outputs, so What-If can predict every resource id.
var storageAccountName = 'stmm${token}'
var keyVaultName = 'kv-mm-${token}'
var appInsightsName = 'appi-mailmerge-${environmentName}'
var deploymentContainer = 'app-package'
// The app creates any that are missing at start; listing them here makes them part of the deployment.
var appContainers = ['templates', 'recipient-lists', 'attachments', 'campaign-content', 'archive', 'letter-templates', 'letter-documents']
// Task hub names allow letters and digits only.
var taskHub = 'MailMerge${replace(environmentName, '-', '')}'
var secretNames = toObject(senders, s => s.name, s => 'smtp-password-${toLower(s.name)}')
var imapSenders = filter(senders, s => s.?imap != null)
var imapSecretNames = toObject(imapSenders, s => s.name, s => 'imap-password-${toLower(s.name)}')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-mailmerge-${environmentName}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: concat(appContainers, [deploymentContainer])
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-mailmerge-${environmentName}'
    appInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    // IMAP secrets are keyed "imap:<sender>" beside the SMTP ones, which are keyed by the sender's name.
    secretNames: union(secretNames, toObject(items(imapSecretNames), i => 'imap:${i.key}', i => i.value))
    senderPasswords: union(senderPasswords, toObject(items(imapPasswords), i => 'imap:${i.key}', i => i.value))
  }
}

module access 'modules/access.bicep' = {
  name: 'access'
  params: {
    // The principal id is known only once the identity exists, so What-If cannot predict the role
    // assignment names. It belongs in them all the same: a recreated identity gets new assignments
    // instead of colliding with the old ones.
    #disable-next-line what-if-short-circuiting
    principalId: identity.properties.principalId
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
  }
  dependsOn: [storage, keyVault, monitoring]
}

var hostStorageSettings = {
  // The Functions host and the Durable Functions Azure Storage backend sign in as the identity.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobServiceUri
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueServiceUri
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableServiceUri
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

var appStorageSettings = {
  MailMerge__Storage__BlobServiceUri: storage.outputs.blobServiceUri
  MailMerge__Storage__TableServiceUri: storage.outputs.tableServiceUri
  MailMerge__Storage__ClientId: identity.properties.clientId
  MailMerge__TaskHub: taskHub
}

// One block of settings per sender; the password is a Key Vault reference without a version, so the app
// picks up a rotated secret by itself.
var senderSettings = reduce(
  map(senders, s => {
    'MailMerge__Senders__${s.name}__Host': s.host
    'MailMerge__Senders__${s.name}__Port': string(s.port)
    'MailMerge__Senders__${s.name}__Tls': s.tls
    'MailMerge__Senders__${s.name}__User': s.user
    'MailMerge__Senders__${s.name}__FromAddress': s.fromAddress
    'MailMerge__Senders__${s.name}__FromName': s.fromName
    'MailMerge__Senders__${s.name}__Password': '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${secretNames[s.name]})'
  }),
  {},
  (all, one) => union(all, one)
)

// The IMAP mailbox of each sender that has one, its password again a Key Vault reference.
var imapSettings = reduce(
  map(imapSenders, s => union({
    'MailMerge__Senders__${s.name}__Imap__Host': s.imap!.host
    'MailMerge__Senders__${s.name}__Imap__Port': string(s.imap!.port)
    'MailMerge__Senders__${s.name}__Imap__Tls': s.imap!.tls
    'MailMerge__Senders__${s.name}__Imap__User': s.imap!.user
    'MailMerge__Senders__${s.name}__Imap__Password': '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${imapSecretNames[s.name]})'
  }, s.imap!.?sentFolder == null ? {} : { 'MailMerge__Senders__${s.name}__Imap__SentFolder': s.imap!.sentFolder! })),
  {},
  (all, one) => union(all, one)
)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-mailmerge-${environmentName}'
    planSku: planSku
    location: location
    tags: tags
    identityId: identity.id
    deploymentContainerUrl: '${storage.outputs.blobServiceUri}${deploymentContainer}'
    maximumInstanceCount: maximumInstanceCount
    appSettings: union(hostStorageSettings, appStorageSettings, senderSettings, imapSettings)
  }
  // The host reaches storage as soon as it starts; without its roles it would fail until they arrive.
  dependsOn: [access]
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output identityClientId string = identity.properties.clientId
output keyVaultName string = keyVault.outputs.name
