using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Tests.Bookings;

public sealed class SlotPlannerTests
{
    private static Centre CentreIn(string land, int capacity = 1, int minutes = 60) => new()
    {
        Id = "test-centre",
        Name = "Test",
        Network = Network.Iq,
        NetworkName = "IQ Test",
        Services = new HashSet<Service> { Service.Recognition },
        Lands = [land],
        Address = new Address(string.Empty, string.Empty, "Teststadt"),
        Languages = ["de"],
        Modes = new HashSet<CounsellingMode> { CounsellingMode.InPerson },
        Hours = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningHours>)[new OpeningHours(new TimeOnly(9, 0), new TimeOnly(12, 0))]),
        SessionMinutes = minutes,
        Capacity = capacity,
        Confirmed = new HashSet<string>(),
    };

    private static readonly IReadOnlyDictionary<DateTimeOffset, int> NoneBooked = new Dictionary<DateTimeOffset, int>();

    [Theory]
    [InlineData(2026, 3, 29)] // summer time starts: 09:00 Berlin is 07:00 UTC
    [InlineData(2026, 10, 25)] // winter time returns: 09:00 Berlin is 08:00 UTC
    public void Slots_keep_Berlin_wall_clock_times_across_the_clock_changes(int year, int month, int day)
    {
        var before = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        var slots = SlotPlanner.Free(CentreIn("HH"), before, before.AddDays(2), NoneBooked, 20);

        var local = slots.Select(s => SlotPlanner.ToBerlin(s.Start)).ToList();
        Assert.Equal(6, slots.Count); // three one-hour slots on each of the two days
        Assert.All(local, l => Assert.InRange(l.Hour, 9, 11));
        var offsets = local.Select(l => l.Offset).Distinct().ToList();
        Assert.Equal(2, offsets.Count); // the day before and the day of the change have different offsets
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.End - s.Start));
    }

    [Fact]
    public void A_wall_clock_time_that_does_not_exist_is_skipped_and_an_ambiguous_one_means_summer_time()
    {
        Assert.Null(SlotPlanner.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), SlotPlanner.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
    }

    [Theory]
    [InlineData("SN", 2025, 11, 19, true)]  // Buß- und Bettag only in Saxony
    [InlineData("BY", 2025, 11, 19, false)]
    [InlineData("NW", 2026, 6, 4, true)]    // Fronleichnam
    [InlineData("HH", 2026, 6, 4, false)]
    [InlineData("BE", 2026, 3, 8, true)]    // Frauentag
    [InlineData("TH", 2026, 9, 20, true)]   // Weltkindertag
    [InlineData("SN", 2026, 10, 31, true)]  // Reformationstag
    [InlineData("BW", 2026, 10, 31, false)]
    [InlineData("BW", 2026, 11, 1, true)]   // Allerheiligen
    [InlineData("HE", 2026, 4, 3, true)]    // Karfreitag
    [InlineData("HE", 2026, 5, 14, true)]   // Christi Himmelfahrt
    [InlineData("HE", 2026, 5, 25, true)]   // Pfingstmontag
    [InlineData("HE", 2026, 12, 24, false)]
    public void Holidays_are_those_of_the_Land(string land, int year, int month, int day, bool holiday) =>
        Assert.Equal(holiday, PublicHolidays.IsHoliday(land, new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.EasterSunday(year));

    [Fact]
    public void No_slots_on_a_holiday_of_the_centres_Land()
    {
        // 19 Nov 2025, Buß- und Bettag: holiday in Saxony, working day in Bavaria.
        var from = new DateTimeOffset(2025, 11, 19, 0, 0, 0, TimeSpan.Zero);
        Assert.Empty(SlotPlanner.Free(CentreIn("SN"), from, from.AddDays(1), NoneBooked, 10));
        Assert.Equal(3, SlotPlanner.Free(CentreIn("BY"), from, from.AddDays(1), NoneBooked, 10).Count);
    }

    [Fact]
    public void Booked_seats_are_subtracted_and_full_slots_left_out()
    {
        var from = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero); // a Monday
        var nine = SlotPlanner.ToInstant(new DateOnly(2026, 5, 4), new TimeOnly(9, 0))!.Value;
        var ten = SlotPlanner.ToInstant(new DateOnly(2026, 5, 4), new TimeOnly(10, 0))!.Value;

        var slots = SlotPlanner.Free(CentreIn("HE", capacity: 2), from, from.AddDays(1), new Dictionary<DateTimeOffset, int> { [nine] = 2, [ten] = 1 }, 10);

        Assert.DoesNotContain(slots, s => s.Start == nine);
        Assert.Equal(1, slots.Single(s => s.Start == ten).FreeSeats);
        Assert.Equal(2, slots.Single(s => s.Start == ten.AddHours(1)).FreeSeats);
    }

    [Fact]
    public void Sessions_that_do_not_fit_before_closing_are_not_offered()
    {
        var from = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

        var slots = SlotPlanner.Free(CentreIn("HE", minutes: 90), from, from.AddDays(1), NoneBooked, 10);

        Assert.Equal(["09:00", "10:30"], slots.Select(s => SlotPlanner.ToBerlin(s.Start).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class BookingReferenceTests
{
    [Fact]
    public void References_are_six_unambiguous_characters_with_a_digit_and_are_found_in_messages()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => BookingReference.New()).ToList();

        Assert.All(references, r => Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$", r));
        Assert.All(references, r => Assert.Contains(r, c => char.IsAsciiDigit(c)));
        Assert.All(references.Take(50), r => Assert.Equal(r, BookingReference.Find($"cancel {r.ToLowerInvariant()} please")));
        Assert.True(references.Distinct().Count() > 1990);
    }

    [Theory]
    [InlineData("cancel my appointment")]
    [InlineData("Termin absagen")]
    [InlineData("04109 Leipzig")]
    public void Words_and_postcodes_are_no_references(string text) => Assert.Null(BookingReference.Find(text));
}
