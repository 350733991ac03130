namespace MailMerge.Tests;

/// <summary>Paths of the sample files copied next to the test assembly.</summary>
internal static class Samples
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "samples", .. parts]);

    public static Stream RecipientsCsv() => File.OpenRead(Path("contacts", "recipients.csv"));

    public static string BankTemplate() => File.ReadAllText(Path("templates", "email", "bank-account-change.html"));
}
