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
    // Optional: archived campaigns append their sent copies to this mailbox's Sent folder.
    imap: {
      host: 'imap.example.test'
      port: 993
      tls: 'SslOnConnect'
      user: 'mailmerge@example.test'
    }
  }
]

var marketingPassword = readEnvironmentVariable('MAILMERGE_SMTP_PASSWORD_MARKETING', '')

param senderPasswords = empty(marketingPassword) ? {} : { marketing: marketingPassword }

var marketingImapPassword = readEnvironmentVariable('MAILMERGE_IMAP_PASSWORD_MARKETING', '')

param imapPasswords = empty(marketingImapPassword) ? {} : { marketing: marketingImapPassword }
