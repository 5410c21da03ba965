using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Bookings;

/// <summary>The booking desk over the real SQLite store: seats, idempotency, cancellation, reminders, deletion.</summary>
public sealed class BookingStoreTests : IDisposable
{
    private readonly TestDesk _desk = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero)); // a Friday
    private readonly ConversationAddress _address = new("directline", "conv-1", "user-1", null, "ar");

    public void Dispose() => _desk.Dispose();

    private const string Centre = "iq-sn-leipzig";

    private async Task<Slot> FirstSlotAsync() => (await _desk.Desk.FindSlotsAsync(Centre, null, null, 5, CancellationToken.None))[0];

    private BookingDraft Draft(DateTimeOffset? start, string key, string conversation = "conv-1") =>
        new(Centre, Service.Qualification, start, CounsellingMode.InPerson, false, "Amira", _address with { ConversationId = conversation }, key);

    [Fact]
    public async Task Slots_start_after_the_lead_time_and_come_in_order()
    {
        var slots = await _desk.Desk.FindSlotsAsync(Centre, null, null, 5, CancellationToken.None);

        Assert.Equal(5, slots.Count);
        Assert.All(slots, s => Assert.True(s.Start >= _desk.Desk.Now + BookingDesk.LeadTime));
        Assert.Equal(slots.OrderBy(s => s.Start).Select(s => s.Start), slots.Select(s => s.Start));
    }

    [Fact]
    public async Task Booking_is_idempotent_for_a_repeated_key()
    {
        var slot = await FirstSlotAsync();

        var first = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(slot.Start, "k1"), CancellationToken.None));
        var again = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(slot.Start, "k1"), CancellationToken.None));

        Assert.False(first.AlreadyExisted);
        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.Booking.Reference, again.Booking.Reference);
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$", first.Booking.Reference);
        Assert.Equal(1, (await _desk.Store.CountBookedAsync(Centre, slot.Start, slot.End, CancellationToken.None))[slot.Start]);
    }

    [Fact]
    public async Task Two_hundred_people_try_the_last_seat_and_exactly_one_gets_it()
    {
        var slot = await FirstSlotAsync();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _desk.Desk.BookAsync(Draft(slot.Start, $"attempt-{i}", $"conv-{i}"), CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results.OfType<BookingResult.Booked>());
        var refused = results.OfType<BookingResult.Unavailable>().ToList();
        Assert.Equal(199, refused.Count);
        Assert.All(refused, r => Assert.NotEmpty(r.Alternatives));
        Assert.All(refused, r => Assert.DoesNotContain(r.Alternatives, a => a.Start == slot.Start));
        Assert.Equal(1, (await _desk.Store.CountBookedAsync(Centre, slot.Start, slot.End, CancellationToken.None))[slot.Start]);
    }

    [Fact]
    public async Task A_time_that_is_no_slot_of_the_centre_is_refused_with_alternatives()
    {
        var slot = await FirstSlotAsync();

        var result = await _desk.Desk.BookAsync(Draft(slot.Start.AddMinutes(7), "odd"), CancellationToken.None);

        Assert.NotEmpty(Assert.IsType<BookingResult.Unavailable>(result).Alternatives);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_only_works_once()
    {
        var slot = await FirstSlotAsync();
        var booked = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(slot.Start, "k1"), CancellationToken.None)).Booking;

        Assert.NotNull(await _desk.Desk.CancelAsync(booked.Reference, _address, CancellationToken.None));
        Assert.Null(await _desk.Desk.CancelAsync(booked.Reference, _address, CancellationToken.None));

        var other = await _desk.Desk.BookAsync(Draft(slot.Start, "k2", "conv-2"), CancellationToken.None);
        Assert.IsType<BookingResult.Booked>(other);
        Assert.Equal(BookingStatus.Cancelled, (await _desk.Store.FindAsync(booked.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Waiting_list_entries_take_no_seat()
    {
        var entry = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(null, "wait"), CancellationToken.None)).Booking;

        Assert.Equal(BookingStatus.Waiting, entry.Status);
        Assert.Null(entry.Start);
        Assert.Equal(entry.Reference, (await _desk.Desk.FindLatestAsync(_address, CancellationToken.None))!.Reference);
    }

    [Fact]
    public async Task Reminders_are_due_once_within_the_window()
    {
        var slot = await FirstSlotAsync();
        var booked = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(slot.Start, "k1"), CancellationToken.None)).Booking;

        Assert.Empty(await _desk.Store.DueRemindersAsync(slot.Start.AddDays(-3), slot.Start.AddDays(-2), CancellationToken.None));
        var due = await _desk.Store.DueRemindersAsync(slot.Start.AddHours(-24), slot.Start, CancellationToken.None);
        Assert.Equal(booked.Reference, Assert.Single(due).Reference);

        await _desk.Store.MarkReminderSentAsync(booked.Reference, slot.Start.AddHours(-20), CancellationToken.None);
        Assert.Empty(await _desk.Store.DueRemindersAsync(slot.Start.AddHours(-24), slot.Start, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_conversations_data_removes_its_bookings_only()
    {
        var slots = await _desk.Desk.FindSlotsAsync(Centre, null, null, 2, CancellationToken.None);
        var mine = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(slots[0].Start, "k1"), CancellationToken.None)).Booking;
        var theirs = Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(Draft(slots[1].Start, "k2", "conv-2"), CancellationToken.None)).Booking;

        Assert.Equal(1, await _desk.Store.DeleteForConversationAsync("directline", "conv-1", CancellationToken.None));

        Assert.Null(await _desk.Store.FindAsync(mine.Reference, CancellationToken.None));
        Assert.NotNull(await _desk.Store.FindAsync(theirs.Reference, CancellationToken.None));
    }
}
