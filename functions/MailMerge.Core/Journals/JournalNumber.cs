using System.Globalization;

namespace MailMerge.Journals;

/// <summary>Journal entry numbers: <c>{journal}/{year}/{sequence:000000}</c>, e.g. <c>KOR/2026/000123</c>.</summary>
public static class JournalNumber
{
    /// <summary>The printed number.</summary>
    public static string Format(string journal, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{journal}/{year}/{sequence:D6}");

    /// <summary>The entry's row key, sorting in number order.</summary>
    public static string RowKey(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:D9}");

    /// <summary>The counter that numbers a journal's entries of one year.</summary>
    public static string Counter(string journal, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"journal|{journal}|{year}");
}
