using System.ComponentModel.DataAnnotations;

namespace MailMerge.Local;

/// <summary>Settings of the local host (<c>MailMerge:Local</c>) and its API key (<c>MailMerge:ApiKey</c>).</summary>
public sealed class LocalHostOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MailMerge:Local";

    /// <summary>Where the HTTP API listens.</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The durable backend: AzureStorage (Azurite by default) or InMemory.</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>Port of the embedded Durable Task sidecar on 127.0.0.1; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SidecarPort { get; set; }

    /// <summary>
    /// Seconds before a work item taken by a host that died becomes visible again (Azure Storage backend);
    /// short locally so a restarted host resumes quickly.
    /// </summary>
    [Range(5, 600)]
    public int RecoverySeconds { get; set; } = 30;

    /// <summary>Task hub name (letters and digits, 3 to 45 characters), from <c>MailMerge:TaskHub</c> as in Azure.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "The task hub name must be 3 to 45 letters and digits, starting with a letter.")]
    public string TaskHub { get; set; } = "mailmerge";
}

/// <summary>Where the local host keeps orchestration state.</summary>
public enum DurableBackend
{
    /// <summary>Azure Storage queues and tables (Azurite locally): survives restarts.</summary>
    AzureStorage,

    /// <summary>Memory only: fast, lost on exit.</summary>
    InMemory,
}
