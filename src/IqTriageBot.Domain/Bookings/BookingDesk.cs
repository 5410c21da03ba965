using IqTriageBot.Domain.Centres;

namespace IqTriageBot.Domain.Bookings;

/// <summary>
/// The booking office: free slots of a centre, booking a seat (idempotent, the store guarantees a seat is
/// taken once), cancelling, and finding a conversation's booking. Time comes from the injected clock; the
/// centres are looked up on every call, so edited hours or reloaded content apply at once.
/// </summary>
public sealed class BookingDesk(Func<CentreDirectory> directory, IBookingStore store, TimeProvider time)
{
    public BookingDesk(CentreDirectory centres, IBookingStore store, TimeProvider time)
        : this(() => centres, store, time)
    {
    }

    /// <summary>How far ahead slots are offered.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(42);

    /// <summary>The earliest slot offered: the advice centre gets the intake before the session.</summary>
    public static readonly TimeSpan LeadTime = TimeSpan.FromHours(18);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Free slots from the lead time on (or from <paramref name="from"/>), up to the horizon (or <paramref name="until"/>),
    /// optionally only those starting within a part of the day (Berlin time).
    /// </summary>
    public async Task<IReadOnlyList<Slot>> FindSlotsAsync(
        string centreId, DateTimeOffset? from, DateTimeOffset? until, int max, CancellationToken cancellationToken, TimeOnly? dayFrom = null, TimeOnly? dayUntil = null)
    {
        if (directory().Find(centreId) is not { Bookable: true } centre)
        {
            return [];
        }

        var earliest = Now + LeadTime;
        var start = from is { } f && f > earliest ? f : earliest;
        var end = until ?? (Now + Horizon);
        if (end <= start)
        {
            return [];
        }

        var booked = await store.CountBookedAsync(centreId, start, end, cancellationToken).ConfigureAwait(false);
        if (dayFrom is null && dayUntil is null)
        {
            return SlotPlanner.Free(centre, start, end, booked, max);
        }

        return SlotPlanner.Free(centre, start, end, booked, int.MaxValue)
            .Where(slot =>
            {
                var local = TimeOnly.FromDateTime(SlotPlanner.ToBerlin(slot.Start).DateTime);
                return (dayFrom is null || local >= dayFrom) && (dayUntil is null || local < dayUntil);
            })
            .Take(max)
            .ToList();
    }

    /// <summary>
    /// Books the draft's slot, or puts the person on the waiting list when it has none. A repeated idempotency
    /// key returns the first booking. A slot that is full (or not a slot of the centre) yields alternatives.
    /// </summary>
    public async Task<BookingResult> BookAsync(BookingDraft draft, CancellationToken cancellationToken)
    {
        if (directory().Find(draft.CentreId) is not { Bookable: true } centre)
        {
            return new BookingResult.Unavailable([]);
        }

        var end = draft.Start ?? Now;
        if (draft.Start is { } start)
        {
            var planned = SlotPlanner.Free(centre, start, start.AddMinutes(1), new Dictionary<DateTimeOffset, int>(), 1);
            if (planned.Count == 0 || planned[0].Start != start || start < Now + LeadTime)
            {
                return new BookingResult.Unavailable(await FindSlotsAsync(centre.Id, start, null, 5, cancellationToken).ConfigureAwait(false));
            }

            end = planned[0].End;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (booking, existed) = await store.TryBookAsync(draft, end, centre.Capacity, BookingReference.New(), Now, cancellationToken).ConfigureAwait(false);
            if (booking is not null)
            {
                return new BookingResult.Booked(booking, existed);
            }

            if (draft.Start is not null)
            {
                break; // every seat taken; a reference collision would have been retried by a fresh reference
            }
        }

        return new BookingResult.Unavailable(await FindSlotsAsync(centre.Id, draft.Start, null, 5, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Cancels by reference (or the conversation's latest booking); the booking as it was, or null.</summary>
    public async Task<Booking?> CancelAsync(string? reference, ConversationAddress address, CancellationToken cancellationToken)
    {
        var booking = reference is null
            ? await store.FindLatestAsync(address.ChannelId, address.ConversationId, cancellationToken).ConfigureAwait(false)
            : await store.FindAsync(reference, cancellationToken).ConfigureAwait(false);
        if (booking is null || booking.Status is not (BookingStatus.Booked or BookingStatus.Waiting))
        {
            return null;
        }

        return await store.SetStatusAsync(booking.Reference, BookingStatus.Cancelled, Now, cancellationToken).ConfigureAwait(false) ? booking : null;
    }

    public Task<Booking?> FindLatestAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        store.FindLatestAsync(address.ChannelId, address.ConversationId, cancellationToken);
}
