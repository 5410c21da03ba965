namespace IqTriageBot.Domain.Bookings;

/// <summary>
/// Statutory public holidays per Land (Feiertagsgesetze of the Länder): the nine nationwide ones plus the
/// Land-specific ones. Local holidays of single municipalities (Augsburger Friedensfest, Assumption in the
/// Catholic parts of Bavaria, Corpus Christi in parts of Saxony and Thuringia) are not modelled.
/// </summary>
public static class PublicHolidays
{
    public static bool IsHoliday(string land, DateOnly date) => For(land, date.Year).Contains(date);

    public static IReadOnlySet<DateOnly> For(string land, int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1),            // Neujahr
            easter.AddDays(-2),         // Karfreitag
            easter.AddDays(1),          // Ostermontag
            new(year, 5, 1),            // Tag der Arbeit
            easter.AddDays(39),         // Christi Himmelfahrt
            easter.AddDays(50),         // Pfingstmontag
            new(year, 10, 3),           // Tag der Deutschen Einheit
            new(year, 12, 25),          // 1. Weihnachtstag
            new(year, 12, 26),          // 2. Weihnachtstag
        };

        if (land is "BW" or "BY" or "ST")
        {
            days.Add(new DateOnly(year, 1, 6)); // Heilige Drei Könige
        }

        if (land == "BE" || (land == "MV" && year >= 2023))
        {
            days.Add(new DateOnly(year, 3, 8)); // Internationaler Frauentag
        }

        if (land is "BW" or "BY" or "HE" or "NW" or "RP" or "SL")
        {
            days.Add(easter.AddDays(60)); // Fronleichnam
        }

        if (land == "SL")
        {
            days.Add(new DateOnly(year, 8, 15)); // Mariä Himmelfahrt
        }

        if (land == "TH" && year >= 2019)
        {
            days.Add(new DateOnly(year, 9, 20)); // Weltkindertag
        }

        if (land is "BB" or "HB" or "HH" or "MV" or "NI" or "SN" or "ST" or "SH" or "TH")
        {
            days.Add(new DateOnly(year, 10, 31)); // Reformationstag
        }

        if (land is "BW" or "BY" or "NW" or "RP" or "SL")
        {
            days.Add(new DateOnly(year, 11, 1)); // Allerheiligen
        }

        if (land == "SN")
        {
            days.Add(RepentanceDay(year)); // Buß- und Bettag: the Wednesday before 23 November
        }

        return days;
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly RepentanceDay(int year)
    {
        var date = new DateOnly(year, 11, 22);
        while (date.DayOfWeek != DayOfWeek.Wednesday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
