using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MailMerge.Campaigns;

/// <summary>
/// Turns the caller's start time into an instant. A local time in a time zone follows two rules on the days the
/// clocks change: a time that does not exist (spring forward, e.g. 02:30 on 29 March 2026 in Europe/Warsaw) moves
/// forward by the length of the gap (03:30 CEST); a time that occurs twice (fall back, e.g. 02:30 on 25 October
/// 2026) means its first occurrence (02:30 CEST, before the clocks go back).
/// </summary>
public static class StartTime
{
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Parses an instant that carries its offset (<c>2026-12-01T09:00:00+01:00</c> or <c>…Z</c>).</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant, [NotNullWhen(false)] out string? reason)
    {
        instant = default;
        string value = text?.Trim() ?? string.Empty;
        if (!DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant) ||
            !(value.EndsWith('Z') || value.EndsWith('z') || HasOffset(value)))
        {
            reason = "Give the start time with its offset, e.g. 2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z " +
                "(or use 'startAtLocal' with a local time and a time zone).";
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Resolves a local time in an IANA time zone to an instant (see the class summary for clock-change days).</summary>
    public static bool TryResolve(LocalStartTime local, out DateTimeOffset instant, [NotNullWhen(false)] out string? field, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(local);
        instant = default;
        if (!DateTime.TryParseExact(local.LocalTime?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime wall))
        {
            (field, reason) = ("startAtLocal.localTime", "Give the local time as yyyy-MM-ddTHH:mm (no offset), e.g. 2026-12-01T09:00.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(local.TimeZone) || !TryFindZone(local.TimeZone.Trim(), out TimeZoneInfo? zone))
        {
            (field, reason) = ("startAtLocal.timeZone", $"'{local.TimeZone}' is not a known IANA time zone (e.g. Europe/Warsaw).");
            return false;
        }

        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        long utcTicks = wall.Ticks - OffsetOf(wall, zone).Ticks;
        if (utcTicks is < 0 || utcTicks > DateTime.MaxValue.Ticks)
        {
            // 0001-01-01T00:00 east of Greenwich or 9999-12-31T23:59 west of it is no instant a clock can hold.
            (field, reason) = ("startAtLocal", $"{local.LocalTime?.Trim()} in {zone.Id} is outside the dates a start time can have.");
            return false;
        }

        instant = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        (field, reason) = (null, null);
        return true;
    }

    /// <summary>The instant of a wall-clock time in a zone, with the gap and overlap rules.</summary>
    public static DateTimeOffset Resolve(DateTime wall, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall.Ticks - OffsetOf(wall, zone).Ticks, TimeSpan.Zero);
    }

    private static TimeSpan OffsetOf(DateTime wall, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(wall))
        {
            // In the gap: read the time with the offset in force before the change, which lands as far past the
            // gap's end as the time was past its start (02:30 with +01:00 = 01:30Z = 03:30 with +02:00).
            return zone.GetUtcOffset(wall.Ticks > TimeSpan.TicksPerHour * 6 ? wall.AddHours(-6) : DateTime.MinValue);
        }

        // Twice on the clock: the first occurrence is the one with the larger offset (before the clocks go back).
        return zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
    }

    private static bool TryFindZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }

    private static bool HasOffset(string value)
    {
        int t = value.IndexOf('T', StringComparison.Ordinal);
        return t > 0 && value.AsSpan(t).IndexOfAny('+', '-') > 0;
    }
}
