using System.ComponentModel.DataAnnotations;

namespace MailMerge.Storage;

/// <summary>
/// Where MailMerge keeps its tables and blobs. Either a connection string (Azurite, development) or
/// service URIs reached with Azure.Identity (managed identity in Azure, shared keys off).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>Configuration section: <c>MailMerge:Storage</c>.</summary>
    public const string Section = "MailMerge:Storage";

    /// <summary>A storage connection string; used when set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account name; derives the service URIs when they are not given.</summary>
    public string? AccountName { get; set; }

    /// <summary>Blob service endpoint, e.g. https://account.blob.core.windows.net.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table service endpoint, e.g. https://account.table.core.windows.net.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; when empty DefaultAzureCredential decides.</summary>
    public string? ClientId { get; set; }

    /// <summary>True when the identity-based path is configured.</summary>
    public bool UsesIdentity => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The blob endpoint after AccountName is taken into account.</summary>
    public Uri? ResolvedBlobServiceUri =>
        BlobServiceUri ?? (string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName}.blob.core.windows.net"));

    /// <summary>The table endpoint after AccountName is taken into account.</summary>
    public Uri? ResolvedTableServiceUri =>
        TableServiceUri ?? (string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName}.table.core.windows.net"));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesIdentity)
        {
            yield break;
        }

        if (ResolvedBlobServiceUri is null || ResolvedTableServiceUri is null)
        {
            yield return new ValidationResult(
                "Set MailMerge:Storage:ConnectionString, or MailMerge:Storage:AccountName, or both " +
                "MailMerge:Storage:BlobServiceUri and MailMerge:Storage:TableServiceUri.",
                [nameof(ConnectionString), nameof(BlobServiceUri), nameof(TableServiceUri)]);
        }
    }
}
