using System.Globalization;

namespace MailMerge.Attachments;

/// <summary>How large attachments may be, and how limits are told to people.</summary>
public static class AttachmentLimits
{
    /// <summary>Largest file one upload may hold (10 MB).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>
    /// Largest sum of the files one message carries (20 MB). Base64 makes that about 27 MB on the wire, which is
    /// what common providers still take (Gmail and Exchange Online allow 25 to 35 MB per message).
    /// </summary>
    public const long MaxMessageBytes = 20L * 1024 * 1024;

    /// <summary>Most attachments one message carries.</summary>
    public const int MaxPerMessage = 10;

    /// <summary>A size as people read it: bytes below 1 KB, else KB or MB with one decimal where it matters.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };

    /// <summary>
    /// The size problems of one message's attachments, by field (<c>attachments[i]</c> for a file over
    /// <see cref="MaxFileBytes"/>, <c>attachments</c> for a sum over <see cref="MaxMessageBytes"/>); empty when they fit.
    /// </summary>
    public static Dictionary<string, string> Check(IReadOnlyList<long> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var problems = new Dictionary<string, string>();
        for (int i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] > MaxFileBytes)
            {
                problems[$"attachments[{i}]"] = $"The file is {Describe(sizes[i])}; an attachment may be at most {Describe(MaxFileBytes)}.";
            }
        }

        long total = sizes.Sum();
        if (total > MaxMessageBytes)
        {
            problems["attachments"] = $"The attachments add up to {Describe(total)}; one message may carry at most {Describe(MaxMessageBytes)} of attachments.";
        }

        return problems;
    }
}
