namespace MailMerge.Campaigns;

/// <summary>
/// Decides when a campaign starts from the caller's <c>startAt</c>, <c>startAtLocal</c> and <c>startNow</c>.
/// A time more than <see cref="Grace"/> in the past is refused unless <c>startNow</c> is true; no time means now.
/// </summary>
public static class CampaignSchedule
{
    /// <summary>How far in the past a start time may be and still count as "now" (clocks differ a little).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>How far ahead a campaign may be scheduled.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    /// <summary>
    /// The requested start, or null when none was given (or <c>startNow</c> overrides a past one); adds field errors.
    /// </summary>
    public static DateTimeOffset? Resolve(string? startAt, LocalStartTime? local, bool? startNow, DateTimeOffset now, IDictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (startAt is not null && local is not null)
        {
            Add(errors, "startAtLocal", "Give either 'startAt' (with offset) or 'startAtLocal' (local time and time zone), not both.");
            return null;
        }

        DateTimeOffset? requested = null;
        string field = local is null ? "startAt" : "startAtLocal";
        if (startAt is not null)
        {
            if (!StartTime.TryParseInstant(startAt, out DateTimeOffset instant, out string? reason))
            {
                Add(errors, "startAt", reason);
                return null;
            }

            requested = instant;
        }
        else if (local is not null)
        {
            if (!StartTime.TryResolve(local, out DateTimeOffset instant, out string? badField, out string? reason))
            {
                Add(errors, badField, reason);
                return null;
            }

            requested = instant;
        }

        if (requested is not { } at)
        {
            return null;
        }

        if (at > now + MaxAhead)
        {
            Add(errors, field, $"The start time is more than 366 days ahead.");
            return null;
        }

        bool past = at < now - Grace;
        if (startNow == true)
        {
            if (at > now + Grace)
            {
                Add(errors, "startNow", "'startNow' asks to start at once, but the start time given is in the future; give one or the other.");
            }

            return null;
        }

        if (past)
        {
            Add(errors, field, $"The start time {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}Z has passed; give a later one, or set \"startNow\": true to start at once.");
            return null;
        }

        return at;
    }

    private static void Add(IDictionary<string, List<string>> errors, string field, string reason)
    {
        if (!errors.TryGetValue(field, out List<string>? list))
        {
            errors[field] = list = [];
        }

        list.Add(reason);
    }
}
