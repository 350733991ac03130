namespace MailMerge.IntegrationTests;

/// <summary>Integration tests share one machine's Azurite and ports; run them one class at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalHostTests
{
    public const string Name = "local host";
}
