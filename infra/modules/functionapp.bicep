// The Function App (.NET isolated worker on Linux) and its plan. Flex Consumption (FC1) is the default;
// a dedicated Linux plan (Basic, Standard, Premium v3) works too. Elastic Premium and the old Linux
// Consumption plan are left out because they need an Azure Files share reached with a storage key,
// and the storage account allows no keys.

@description('Function App name: globally unique, it becomes <name>.azurewebsites.net.')
param name string

@description('App Service plan name.')
param planName string

@description('Plan SKU: FC1 is Flex Consumption; the others are dedicated Linux plans.')
param planSku ('FC1' | 'B1' | 'B2' | 'B3' | 'S1' | 'S2' | 'S3' | 'P0v3' | 'P1v3' | 'P2v3' | 'P3v3')

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Blob container URL the Flex Consumption plan deploys the app package from.')
param deploymentContainerUrl string

@description('Most instances Flex Consumption may scale out to; it bounds parallel SMTP connections too.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('App settings, by name.')
param appSettings { *: string }

var isFlex = planSku == 'FC1'
var tiers = {
  F: 'FlexConsumption'
  B: 'Basic'
  S: 'Standard'
  P: 'PremiumV3'
}

// Flex Consumption takes the runtime from functionAppConfig and refuses these settings; the other plans
// need them.
var runtimeSettings = isFlex
  ? {}
  : {
      FUNCTIONS_EXTENSION_VERSION: '~4'
      FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
    }

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'linux'
  sku: {
    name: planSku
    tier: tiers[take(planSku, 1)]
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve as this identity; without it App Service would try a system identity.
    keyVaultReferenceIdentity: identityId
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          runtime: { name: 'dotnet-isolated', version: '10.0' }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: 2048
          }
        }
      : null
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
      alwaysOn: isFlex ? null : true // durable timers and queue polling need a running host
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(union(runtimeSettings, appSettings)), s => { name: s.key, value: s.value })
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
