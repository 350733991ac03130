// Example parameters. Copy this file (e.g. to prod.bicepparam), change the values, and deploy it with
//   az deployment group create -g <group> -f infra/main.bicep -p infra/prod.bicepparam
// Passwords never live in this file: each is read from an environment variable on the machine that runs
// the deployment, and a variable left unset (empty) just keeps the password already in Key Vault.
using 'main.bicep'

param environmentName = 'dev'

param planSku = 'FC1'

param senders = [
  {
    name: 'marketing'
    host: 'smtp.example.test'
    port: 587
    tls: 'StartTls'
    user: 'mailmerge@example.test'
    fromAddress: 'newsletter@example.test'
    fromName: 'Example Ltd. Newsletter'
  }
]

var marketingPassword = readEnvironmentVariable('MAILMERGE_SMTP_PASSWORD_MARKETING', '')

param senderPasswords = empty(marketingPassword) ? {} : { marketing: marketingPassword }
