using IqTriageBot.Domain.Centres;

namespace IqTriageBot.Domain.Bookings;

/// <summary>A bookable time at a centre: start and end as instants, and the seats left.</summary>
public sealed record Slot(string CentreId, DateTimeOffset Start, DateTimeOffset End, int FreeSeats);

/// <summary>
/// Turns a centre's weekly hours into concrete slots in Europe/Berlin time (daylight-saving changes handled by
/// the time zone rules), leaving out public holidays of the centre's Land and the past, and subtracting seats
/// already booked.
/// </summary>
public static class SlotPlanner
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>
    /// Free slots of <paramref name="centre"/> starting at or after <paramref name="from"/> and before
    /// <paramref name="until"/>, earliest first. <paramref name="booked"/> counts the taken seats per slot start.
    /// </summary>
    public static IReadOnlyList<Slot> Free(
        Centre centre,
        DateTimeOffset from,
        DateTimeOffset until,
        IReadOnlyDictionary<DateTimeOffset, int> booked,
        int max)
    {
        var result = new List<Slot>();
        var land = centre.Lands.Count > 0 ? centre.Lands[0] : string.Empty;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Berlin).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, Berlin).DateTime);
        var length = TimeSpan.FromMinutes(centre.SessionMinutes);
        for (; day <= lastDay && result.Count < max; day = day.AddDays(1))
        {
            if (PublicHolidays.IsHoliday(land, day) || !centre.Hours.TryGetValue(day.DayOfWeek, out var ranges))
            {
                continue;
            }

            foreach (var range in ranges)
            {
                for (var time = range.From; time.Add(length) <= range.To && time.Add(length) > time; time = time.Add(length))
                {
                    if (ToInstant(day, time) is not { } start || start < from || start >= until)
                    {
                        continue;
                    }

                    var taken = booked.TryGetValue(start, out var count) ? count : 0;
                    if (taken < centre.Capacity)
                    {
                        result.Add(new Slot(centre.Id, start, start + length, centre.Capacity - taken));
                        if (result.Count == max)
                        {
                            return result;
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The instant of a Berlin wall-clock time; null for a time skipped by the spring change.</summary>
    public static DateTimeOffset? ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Berlin.IsInvalidTime(local))
        {
            return null;
        }

        // In the autumn change an ambiguous hour means its first (summer-time) occurrence.
        var offset = Berlin.IsAmbiguousTime(local) ? Berlin.GetAmbiguousTimeOffsets(local).Max() : Berlin.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToBerlin(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Berlin);
}
