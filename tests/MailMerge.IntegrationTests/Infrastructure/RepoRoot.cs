namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>The repository's root folder (the one holding MailMerge.sln).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MailMerge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MailMerge.sln not found above " + AppContext.BaseDirectory);
    }
}
