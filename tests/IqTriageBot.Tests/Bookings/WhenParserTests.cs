using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Tests.Infrastructure;

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

    /// <summary>Parsed with the words of the repository's catalog for the language and of the English one, as the engine does.</summary>
    private static WhenWanted? ParseWithCatalog(string text, string language)
    {
        string Words(string key) => string.Join('|', new[] { language, "en" }.Distinct().Select(l => TestEngine.Content.Catalogs[l].Texts[key]));
        return WhenParser.Parse(text, language.Split('-')[0], Now, Words(TextKeys.WordsMorning), Words(TextKeys.WordsAfternoon),
            Words(TextKeys.WordsTomorrow), Words(TextKeys.WordsDayAfterTomorrow));
    }

    [Theory]
    [InlineData("завтра утром", "ru", 4, true)]
    [InlineData("послезавтра", "ru", 5, false)]
    [InlineData("jutro rano", "pl", 4, true)]
    [InlineData("pojutrze", "pl", 5, false)]
    [InlineData("mâine dimineață", "ro", 4, true)]
    [InlineData("maine dimineata", "ro", 4, true)]
    [InlineData("poimâine", "ro", 5, false)]
    [InlineData("завтра", "uk", 4, false)]
    [InlineData("завтра вранці", "uk", 4, true)]
    [InlineData("післязавтра", "uk", 5, false)]
    [InlineData("فردا", "fa", 4, false)]
    [InlineData("فردا صبح", "fa", 4, true)]
    [InlineData("پس\u200Cفردا", "fa", 5, false)]
    [InlineData("پس فردا", "fa", 5, false)]
    [InlineData("غدا", "ar", 4, false)]
    [InlineData("بكرة الصبح", "ar", 4, true)]
    [InlineData("بعد غد", "ar", 5, false)]
    [InlineData("yarın sabah", "tr", 4, true)]
    [InlineData("yarın", "tr", 4, false)]
    [InlineData("tomorrow morning", "ru", 4, true)]
    [InlineData("morgen früh", "de", 4, true)]
    [InlineData("übermorgen", "de", 5, false)]
    [InlineData("mañana por la mañana", "es", 4, true)]
    [InlineData("après-demain", "fr", 5, false)]
    public void Tomorrow_and_the_day_after_in_every_language(string text, string language, int day, bool morning)
    {
        var when = ParseWithCatalog(text, language);

        Assert.NotNull(when);
        Assert.Equal(new DateOnly(2026, 12, day), Day(when.From));
        Assert.Equal(new DateOnly(2026, 12, day + 1), Day(when.Until));
        if (morning)
        {
            Assert.Equal(WhenParser.Noon, when.DayUntil);
        }
        else
        {
            Assert.Null(when.DayFrom);
        }
    }

    [Theory]
    [InlineData("am Morgen", "de")]
    [InlineData("por la mañana", "es")]
    public void A_word_for_the_morning_is_not_read_as_tomorrow(string text, string language)
    {
        var when = ParseWithCatalog(text, language);

        Assert.NotNull(when);
        Assert.True(when.From is null || Day(when.From) != new DateOnly(2026, 12, 4), $"read as tomorrow: {when.From}");
        Assert.Equal(WhenParser.Noon, when.DayUntil);
    }

    [Fact]
    public void Every_catalog_has_words_for_tomorrow_and_the_day_after()
    {
        foreach (var catalog in TestEngine.Content.Catalogs.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(catalog.Texts[TextKeys.WordsTomorrow]), catalog.Language);
            Assert.False(string.IsNullOrWhiteSpace(catalog.Texts[TextKeys.WordsDayAfterTomorrow]), catalog.Language);
        }
    }

    [Theory]
    [InlineData("whenever", "en")]
    [InlineData("لا أعرف", "ar")]
    [InlineData("", "de")]
    public void Text_without_a_time_gives_nothing(string text, string language) => Assert.Null(Parse(text, language));
}
