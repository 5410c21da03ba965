using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Domain.Bookings;

public enum BookingStatus { Booked, Waiting, Cancelled, Attended, NoShow }

/// <summary>Where a person can be reached proactively: the channel and conversation the booking was made in.</summary>
public sealed record ConversationAddress(string ChannelId, string ConversationId, string? UserId, string? ServiceUrl, string Language);

/// <summary>What the conversation asks to book; the desk adds the reference and a seat.</summary>
/// <param name="Intake">The intake for the advisor, serialised (see <see cref="Intake.IntakeSnapshot"/>).</param>
public sealed record BookingDraft(
    string CentreId,
    Service Service,
    DateTimeOffset? Start,
    CounsellingMode Mode,
    bool Anonymous,
    string? Name,
    ConversationAddress Address,
    string IdempotencyKey,
    string? Intake = null);

/// <summary>A booking (or a waiting-list entry, without a slot).</summary>
public sealed record Booking
{
    public required string Id { get; init; }

    /// <summary>Short code the person uses to cancel or reschedule, and the anonymous identity at Fair Integration.</summary>
    public required string Reference { get; init; }

    public required string CentreId { get; init; }

    public required Service Service { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public required CounsellingMode Mode { get; init; }

    public required bool Anonymous { get; init; }

    public string? Name { get; init; }

    public required BookingStatus Status { get; init; }

    public required ConversationAddress Address { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReminderSentAt { get; init; }

    /// <summary>The serialised <see cref="Intake.IntakeSnapshot"/>, if the booking came from a triage.</summary>
    public string? Intake { get; init; }

    /// <summary>The portal account (e-mail address) of the advisor who takes the session, once someone assigned one.</summary>
    public string? AssignedTo { get; init; }
}

/// <summary>The outcome of a booking attempt: expected failures are values, not exceptions.</summary>
public abstract record BookingResult
{
    public sealed record Booked(Booking Booking, bool AlreadyExisted) : BookingResult;

    /// <summary>The seat was taken meanwhile (or the time is not a slot of the centre): here are others.</summary>
    public sealed record Unavailable(IReadOnlyList<Slot> Alternatives) : BookingResult;
}

/// <summary>Booking references: 6 characters without look-alikes (no 0/O, 1/I/L), easy to read out and type.</summary>
public static class BookingReference
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    private const string Digits = "23456789";
    private static readonly System.Buffers.SearchValues<char> DigitValues = System.Buffers.SearchValues.Create(Digits);

    /// <summary>A new random reference; it always holds a digit, so it cannot be mistaken for a word in a message.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        if (!chars.ContainsAny(DigitValues))
        {
            chars[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Length)] = Digits[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Digits.Length)];
        }

        return new string(chars);
    }

    /// <summary>A reference inside a message ("cancel abc 123" -> "ABC123"), or null.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var word in System.Text.RegularExpressions.Regex.Split(text.ToUpperInvariant(), @"[^A-Z0-9]+").Where(w => w.Length > 0))
        {
            if (word.Length == Length && word.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && word.Any(char.IsAsciiDigit))
            {
                return word;
            }
        }

        return null;
    }
}

/// <summary>Which bookings the portal lists.</summary>
public sealed record BookingQuery(
    IReadOnlyCollection<string>? CentreIds,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    BookingStatus? Status,
    Service? Service,
    bool Descending = false,
    int Max = 500);

/// <summary>Persistence of bookings. The store, not a lock in memory, guarantees that a seat is taken once.</summary>
public interface IBookingStore
{
    /// <summary>Taken seats per slot start for a centre within a time range (booked only).</summary>
    Task<IReadOnlyDictionary<DateTimeOffset, int>> CountBookedAsync(string centreId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Books a seat below <paramref name="capacity"/> at the draft's slot, atomically. Returns the existing booking
    /// for a repeated idempotency key, or null when every seat is taken.
    /// </summary>
    Task<(Booking? Booking, bool Existed)> TryBookAsync(BookingDraft draft, DateTimeOffset slotEnd, int capacity, string reference, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Booking?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The latest active booking (or waiting entry) made in a conversation.</summary>
    Task<Booking?> FindLatestAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the booking cancelled (frees its seat); false when it was not active.</summary>
    Task<bool> SetStatusAsync(string reference, BookingStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Assigns the session to an advisor's account (null: nobody); false when the booking does not exist.</summary>
    Task<bool> AssignAsync(string reference, string? advisor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Active bookings starting after <paramref name="from"/> and at or before <paramref name="until"/> whose reminder has not been sent.</summary>
    Task<IReadOnlyList<Booking>> DueRemindersAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    Task MarkReminderSentAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Bookings of the given centres (all when null) in a time range, for the advisor portal, earliest first.</summary>
    Task<IReadOnlyList<Booking>> ListAsync(BookingQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes bookings (and their intakes) that ended, or were made, before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes every booking made in a conversation ("delete my data").</summary>
    Task<int> DeleteForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
