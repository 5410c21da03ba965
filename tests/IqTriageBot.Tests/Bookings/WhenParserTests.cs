using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;

namespace IqTriageBot.Tests.Bookings;

public sealed class WhenParserTests
{
    // Thursday, 3 December 2026, 10:00 Berlin.
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static WhenWanted? Parse(string text, string language, string morning = "morning", string afternoon = "afternoon") =>
        WhenParser.Parse(text, language, Now, morning, afternoon);

    private static DateOnly Day(DateTimeOffset? instant) => DateOnly.FromDateTime(SlotPlanner.ToBerlin(instant!.Value).DateTime);

    [Theory]
    [InlineData("next Tuesday morning", "en", "morning")]
    [InlineData("nächsten Dienstag vormittag", "de", "vormittag")]
    [InlineData("mardi prochain le matin", "fr", "matin|le matin")]
    public void A_weekday_and_a_part_of_the_day_in_a_recognised_language(string text, string language, string morning)
    {
        var when = Parse(text, language, morning);

        Assert.NotNull(when);
        Assert.Equal(new DateOnly(2026, 12, 8), Day(when.From));
        Assert.True(when.DayFrom <= new TimeOnly(8, 0));
        Assert.Equal(new TimeOnly(12, 0), when.DayUntil);
    }

    [Fact]
    public void Arabic_afternoon_through_the_catalog_words()
    {
        var when = Parse("الثلاثاء بعد الظهر", "ar", morning: "صباحا|الصباح", afternoon: "بعد الظهر|مساء");

        Assert.NotNull(when);
        Assert.Equal(new DateOnly(2026, 12, 8), Day(when.From)); // Tuesday, from the culture's day names
        Assert.Equal(WhenParser.Noon, when.DayFrom);
    }

    [Theory]
    [InlineData("у понеділок", "uk", 7)]
    [InlineData("в среду", "ru", 9)]
    [InlineData("w środę", "pl", 9)]
    [InlineData("vineri", "ro", 4)]
    [InlineData("سه شنبه صبح", "fa", 8)]
    [InlineData("سه\u200cشنبه", "fa", 8)]
    [InlineData("دو شنبه", "fa", 7)]
    [InlineData("شنبه", "fa", 5)]
    public void Weekdays_also_in_their_inflected_forms(string text, string language, int day)
    {
        var when = Parse(text, language);

        Assert.NotNull(when);
        Assert.Equal(new DateOnly(2026, 12, day), Day(when.From));
        Assert.Null(when.DayFrom);
    }

    [Fact]
    public void Only_a_part_of_the_day()
    {
        var when = Parse("afternoon please", "en");

        Assert.NotNull(when);
        Assert.Null(when.From);
        Assert.True(when.DayFrom >= WhenParser.Noon);
    }

    [Theory]
    [InlineData("whenever", "en")]
    [InlineData("لا أعرف", "ar")]
    [InlineData("", "de")]
    public void Text_without_a_time_gives_nothing(string text, string language) => Assert.Null(Parse(text, language));
}
