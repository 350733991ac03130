namespace MailMerge.IntegrationTests;

internal static class Samples
{
    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "samples", .. parts]));

    public static string RecipientsCsv => Read("contacts", "recipients.csv");

    public static string BankTemplate => Read("templates", "email", "bank-account-change.html");
}
