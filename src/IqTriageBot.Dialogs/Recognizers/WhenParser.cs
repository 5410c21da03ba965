using System.Globalization;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace IqTriageBot.Dialogs;

/// <summary>When someone would like an appointment: a range of days and, optionally, a part of the day.</summary>
public sealed record WhenWanted(DateTimeOffset? From, DateTimeOffset? Until, TimeOnly? DayFrom, TimeOnly? DayUntil);

/// <summary>
/// Reads "next Tuesday morning", "nächsten Montag", "mardi après-midi" with Microsoft.Recognizers.Text DateTime
/// in the languages it supports; for the others (and as a fallback) weekday names from the culture data and
/// the catalog's words for morning and afternoon ("بعد الظهر", "після обіду") and for tomorrow and the day after
/// ("завтра утром", "jutro rano", "پس فردا").
/// </summary>
public static class WhenParser
{
    public static readonly TimeOnly MorningStart = new(6, 0);
    public static readonly TimeOnly Noon = new(12, 0);
    public static readonly TimeOnly EveningEnd = new(21, 0);

    private static readonly Dictionary<string, string> Cultures = new(StringComparer.Ordinal)
    {
        ["en"] = Culture.English, ["de"] = Culture.German, ["es"] = Culture.Spanish, ["fr"] = Culture.French, ["tr"] = Culture.Turkish,
    };

    /// <param name="language">The conversation's catalog language (base code, e.g. "ar").</param>
    /// <param name="morningWords">The |-separated words for morning in that language and English.</param>
    /// <param name="afternoonWords">The same for afternoon.</param>
    /// <param name="tomorrowWords">The same for tomorrow.</param>
    /// <param name="dayAfterTomorrowWords">The same for the day after tomorrow.</param>
    public static WhenWanted? Parse(string? text, string language, DateTimeOffset now, string morningWords, string afternoonWords,
        string tomorrowWords = "", string dayAfterTomorrowWords = "")
    {
        var words = new DayWords(morningWords, afternoonWords, tomorrowWords, dayAfterTomorrowWords);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return null;
        }

        var reference = SlotPlanner.ToBerlin(now).DateTime;
        foreach (var culture in new[] { Cultures.GetValueOrDefault(language), Culture.English }.OfType<string>().Distinct())
        {
            if (FromRecognizer(text, culture, reference) is { } recognised)
            {
                // "mardi prochain le matin": the recognizer may find the day but not the part of it, or the part but not the day.
                var fromWords = FromWords(text, language, reference, words);
                if (recognised.DayFrom is null && fromWords is { DayFrom: not null })
                {
                    recognised = recognised with { DayFrom = fromWords.DayFrom, DayUntil = fromWords.DayUntil };
                }

                if (recognised.From is null && fromWords is { From: not null })
                {
                    recognised = recognised with { From = fromWords.From, Until = fromWords.Until };
                }

                return recognised;
            }
        }

        return FromWords(text, language, reference, words);
    }

    /// <summary>The catalog's |-separated words (catalog language and English) for parts of the day and near days.</summary>
    private sealed record DayWords(string Morning, string Afternoon, string Tomorrow, string DayAfterTomorrow);

    private static WhenWanted? FromRecognizer(string text, string culture, DateTime reference)
    {
        List<ModelResult> results;
        try
        {
            results = DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, reference);
        }
        catch (ArgumentException)
        {
            return null;
        }

        foreach (var result in results)
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not List<Dictionary<string, string>> values)
            {
                continue;
            }

            // Weekdays without a date come as past and future candidates: take the first that is not over.
            foreach (var value in values)
            {
                var type = value.GetValueOrDefault("type");
                if (type is "date" && Local(value.GetValueOrDefault("value")) is { } day && day.Date >= reference.Date)
                {
                    return new WhenWanted(ToInstant(day.Date), ToInstant(day.Date.AddDays(1)), null, null);
                }

                if (type is "daterange" or "datetimerange" && Local(value.GetValueOrDefault("start")) is { } start && Local(value.GetValueOrDefault("end")) is { } end && end > reference)
                {
                    var (dayFrom, dayUntil) = type == "datetimerange" && start.Date == end.Date
                        ? (TimeOnly.FromDateTime(start), (TimeOnly?)TimeOnly.FromDateTime(end))
                        : ((TimeOnly?)null, (TimeOnly?)null);
                    return new WhenWanted(ToInstant(start.Date), ToInstant(end.Date.AddDays(type == "daterange" ? 0 : 1)), dayFrom, dayUntil);
                }

                if (type is "datetime" && Local(value.GetValueOrDefault("value")) is { } at && at > reference)
                {
                    // A precise time: offer what starts from an hour before to two hours after.
                    var from = TimeOnly.FromDateTime(at.AddHours(-1));
                    var until = TimeOnly.FromDateTime(at.AddHours(2));
                    return new WhenWanted(ToInstant(at.Date), ToInstant(at.Date.AddDays(1)), from < until ? from : null, from < until ? until : null);
                }

                if (type is "timerange" && TimeOnly.TryParse(value.GetValueOrDefault("start"), CultureInfo.InvariantCulture, out var timeFrom)
                    && TimeOnly.TryParse(value.GetValueOrDefault("end"), CultureInfo.InvariantCulture, out var timeUntil))
                {
                    return new WhenWanted(null, null, timeFrom, timeUntil);
                }

                if (type is "time" && TimeOnly.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var time))
                {
                    return new WhenWanted(null, null, time.AddHours(-1), time.AddHours(2));
                }
            }
        }

        return null;
    }

    private const string PersianSaturday = "شنبه";

    /// <summary>
    /// A word for tomorrow or the day after, else a weekday name of the language (the next such day), and/or a word
    /// for morning or afternoon.
    /// </summary>
    private static WhenWanted? FromWords(string text, string language, DateTime reference, DayWords words)
    {
        var normalized = " " + TextNormalizer.Normalize(text) + " ";
        (TimeOnly? From, TimeOnly? Until) part =
            Contains(normalized, words.Morning) ? (MorningStart, Noon)
            : Contains(normalized, words.Afternoon) ? (Noon, EveningEnd)
            : (null, null);

        // The day is read without the words for the part of the day: "am Morgen" is not "morgen" (tomorrow),
        // "por la mañana" not "mañana". The day after first: "pasado mañana", "پس فردا" contain tomorrow's word.
        var rest = Without(normalized, words.Morning + "|" + words.Afternoon);
        DateTime? day = Contains(rest, words.DayAfterTomorrow) ? reference.Date.AddDays(2)
            : Contains(rest, words.Tomorrow) ? reference.Date.AddDays(1)
            : null;
        if (day is null && CultureFor(language) is { } culture)
        {
            var names = culture.DateTimeFormat.DayNames;
            var longest = 0;
            for (var offset = 1; offset <= 7; offset++)
            {
                var candidate = reference.Date.AddDays(offset);
                // Persian writes "سه‌شنبه" and "دوشنبه" joined, with a zero-width non-joiner or with a space; the
                // longest name found wins, so Tuesday is not read as Saturday ("شنبه").
                var written = names[(int)candidate.DayOfWeek];
                var spaced = written.Replace("\u200C", string.Empty, StringComparison.Ordinal) is var joined && joined.EndsWith(PersianSaturday, StringComparison.Ordinal) && joined.Length > PersianSaturday.Length
                    ? joined[..^PersianSaturday.Length] + " " + PersianSaturday
                    : written;
                foreach (var name in new[] { written, spaced }.Select(TextNormalizer.Normalize).Distinct())
                {
                    // The name's last letter may change ("среда" -> "в среду", "środa" -> "w środę").
                    var stem = name.Length >= 5 ? name[..^1] : name + " ";
                    if (name.Length > 1 && name.Length > longest && normalized.Contains(" " + stem, StringComparison.Ordinal))
                    {
                        day = candidate;
                        longest = name.Length;
                    }
                }
            }
        }

        if (day is null && part.From is null)
        {
            return null;
        }

        return new WhenWanted(day is { } d ? ToInstant(d) : null, day is { } e ? ToInstant(e.AddDays(1)) : null, part.From, part.Until);
    }

    /// <summary>The text with each of the words (longest first) replaced by a space.</summary>
    private static string Without(string normalized, string words)
    {
        foreach (var word in words.Split('|').Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length))
        {
            normalized = normalized.Replace(" " + word + " ", "  ", StringComparison.Ordinal);
        }

        return normalized;
    }

    private static bool Contains(string normalized, string words) =>
        words.Split('|').Select(TextNormalizer.Normalize).Any(w => w.Length > 0 && normalized.Contains(" " + w + " ", StringComparison.Ordinal));

    private static CultureInfo? CultureFor(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static DateTime? Local(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static DateTimeOffset? ToInstant(DateTime local) =>
        SlotPlanner.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
}
