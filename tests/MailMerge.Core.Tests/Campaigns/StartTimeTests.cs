using MailMerge.Campaigns;

namespace MailMerge.Tests.Campaigns;

public class StartTimeTests
{
    private static DateTimeOffset Resolve(string local, string zone = "Europe/Warsaw")
    {
        Assert.True(StartTime.TryResolve(new LocalStartTime(local, zone), out DateTimeOffset instant, out string? field, out string? reason), $"{field}: {reason}");
        return instant;
    }

    [Fact]
    public void Local_time_on_an_ordinary_day_uses_the_zones_offset()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-12-01T09:00"));
        Assert.Equal(DateTimeOffset.Parse("2026-07-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-07-01T09:00:00"));
    }

    [Fact]
    public void Time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        // 29 March 2026, Warsaw: clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist and becomes 03:30 CEST.
        DateTimeOffset instant = Resolve("2026-03-29T02:30");
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:30:00Z", System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).DateTime);
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T00:59:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-03-29T01:59"));
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-03-29T03:00"));
    }

    [Fact]
    public void Time_in_the_fall_back_overlap_means_its_first_occurrence()
    {
        // 25 October 2026, Warsaw: clocks go back from 03:00 CEST to 02:00 CET; 02:30 happens twice, first at 00:30Z.
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:30:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-10-25T02:30"));
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-10-25T03:00"));
    }

    [Fact]
    public void Same_rules_hold_for_an_american_zone()
    {
        // 8 March 2026, New York: 02:30 does not exist (EST to EDT) -> 03:30 EDT = 07:30Z; 1 November 2026: 01:30 twice -> 05:30Z.
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T07:30:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-03-08T02:30", "America/New_York"));
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T05:30:00Z", System.Globalization.CultureInfo.InvariantCulture), Resolve("2026-11-01T01:30", "America/New_York"));
    }

    [Theory]
    [InlineData("2026-12-01 09:00", "Europe/Warsaw", "startAtLocal.localTime")]
    [InlineData("2026-12-01T09:00+01:00", "Europe/Warsaw", "startAtLocal.localTime")]
    [InlineData("2026-12-01T09:00", "Europe/Warszawa", "startAtLocal.timeZone")]
    [InlineData("2026-12-01T09:00", "", "startAtLocal.timeZone")]
    public void Bad_local_times_and_zones_name_the_field(string local, string zone, string field)
    {
        Assert.False(StartTime.TryResolve(new LocalStartTime(local, zone), out _, out string? badField, out _));
        Assert.Equal(field, badField);
    }

    [Theory]
    [InlineData("2026-12-01T09:00:00+01:00", true)]
    [InlineData("2026-12-01T08:00:00Z", true)]
    [InlineData("2026-12-01T09:00-05:00", true)]
    [InlineData("2026-12-01T09:00:00", false)]
    [InlineData("tomorrow", false)]
    public void Instants_need_their_offset(string text, bool valid)
    {
        Assert.Equal(valid, StartTime.TryParseInstant(text, out _, out _));
    }

    [Fact]
    public void Schedule_refuses_a_past_time_unless_asked_to_start_now()
    {
        var now = DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var errors = new Dictionary<string, List<string>>();

        Assert.Null(CampaignSchedule.Resolve("2026-12-03T11:00:00Z", null, null, now, errors));
        Assert.Contains("has passed", Assert.Single(errors["startAt"]), StringComparison.Ordinal);

        errors.Clear();
        Assert.Null(CampaignSchedule.Resolve("2026-12-03T11:00:00Z", null, startNow: true, now, errors));
        Assert.Empty(errors);

        Assert.Equal(now.AddHours(1), CampaignSchedule.Resolve("2026-12-03T14:00:00+01:00", null, null, now, errors));
        Assert.Empty(errors);

        Assert.Null(CampaignSchedule.Resolve("2026-12-03T14:00:00Z", null, startNow: true, now, errors));
        Assert.True(errors.ContainsKey("startNow"));

        errors.Clear();
        Assert.Null(CampaignSchedule.Resolve("2026-12-03T14:00:00Z", new LocalStartTime("2026-12-03T15:00", "Europe/Warsaw"), null, now, errors));
        Assert.True(errors.ContainsKey("startAtLocal"));

        errors.Clear();
        Assert.Null(CampaignSchedule.Resolve("2028-12-03T14:00:00Z", null, null, now, errors));
        Assert.True(errors.ContainsKey("startAt"));
    }

    [Theory]
    [InlineData("0001-01-01T00:00", "Europe/Warsaw")]
    [InlineData("9999-12-31T23:59", "America/New_York")]
    public void Local_time_whose_instant_is_outside_the_calendar_is_refused_on_startAtLocal(string local, string zone)
    {
        Assert.False(StartTime.TryResolve(new LocalStartTime(local, zone), out _, out string? field, out string? reason));
        Assert.Equal("startAtLocal", field);
        Assert.Contains("outside the dates", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_time_at_the_edge_of_the_calendar_gives_a_schedule_error_not_an_exception()
    {
        var errors = new Dictionary<string, List<string>>();
        DateTimeOffset now = DateTimeOffset.Parse("2026-12-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null(CampaignSchedule.Resolve(null, new LocalStartTime("9999-12-31T23:59", "America/New_York"), null, now, errors));
        Assert.Equal(["startAtLocal"], errors.Keys);
    }

    [Fact]
    public void Local_time_at_the_edge_of_the_calendar_that_is_an_instant_resolves()
    {
        // New York in year 1 is on local mean time (about -4:56), so only the date is asserted.
        Assert.Equal(new DateTime(1, 1, 1), Resolve("0001-01-01T00:00", "America/New_York").UtcDateTime.Date);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 22, 59, 0, TimeSpan.Zero), Resolve("9999-12-31T23:59", "Europe/Warsaw"));
    }
}
