using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Dialogs;

/// <summary>What the engine asks the booking desk; it cannot look at the calendar itself (it does no I/O).</summary>
public abstract record DeskRequest
{
    /// <summary>
    /// Free slots of a centre, optionally within a range the person asked for and within a part of the day
    /// (Berlin time, e.g. mornings only).
    /// </summary>
    public sealed record FindSlots(string CentreId, DateTimeOffset? From, DateTimeOffset? Until, TimeOnly? DayFrom = null, TimeOnly? DayUntil = null) : DeskRequest;

    /// <summary>Book (or, without a start, join the waiting list). <paramref name="Key"/> makes a retry idempotent.</summary>
    public sealed record Book(string CentreId, Service Service, DateTimeOffset? Start, CounsellingMode Mode, bool Anonymous, string? Name, string Key, IntakeSnapshot Intake) : DeskRequest;

    /// <summary>Cancel by reference, or this conversation's booking when null.</summary>
    public sealed record Cancel(string? Reference) : DeskRequest;

    /// <summary>This conversation's active booking.</summary>
    public sealed record FindOwn : DeskRequest;
}

/// <summary>The desk's answer to a <see cref="DeskRequest"/>.</summary>
public abstract record DeskAnswer
{
    public sealed record Slots(IReadOnlyList<Slot> Found) : DeskAnswer;

    /// <param name="CalendarLink">Where the person can download the .ics file of this booking.</param>
    public sealed record Booked(Booking Booking, string? CalendarLink) : DeskAnswer;

    public sealed record Unavailable(IReadOnlyList<Slot> Alternatives) : DeskAnswer;

    /// <summary>The booking as it was before it was cancelled; null when nothing was found to cancel.</summary>
    public sealed record Cancelled(Booking? Booking) : DeskAnswer;

    public sealed record Own(Booking? Booking) : DeskAnswer;
}

/// <summary>Answers the engine's requests for one conversation (the host binds it to the conversation's address).</summary>
public interface IBookingPort
{
    Task<DeskAnswer> AnswerAsync(DeskRequest request, CancellationToken cancellationToken);
}
