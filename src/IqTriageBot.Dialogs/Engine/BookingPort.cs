using IqTriageBot.Domain.Bookings;

namespace IqTriageBot.Dialogs;

/// <summary>Answers the engine's requests with the booking desk, for the conversation at <paramref name="address"/>.</summary>
/// <param name="calendarLink">The link to a booking's calendar file, or null where there is none.</param>
/// <param name="booked">Called once for each new booking (not for a repeated request): notifications, statistics.</param>
/// <param name="cancelled">Called for each booking the person cancelled (with the booking as it was): notifications.</param>
public sealed class BookingPort(
    BookingDesk desk,
    ConversationAddress address,
    Func<Booking, string?> calendarLink,
    Func<Booking, CancellationToken, Task>? booked = null,
    Func<Booking, CancellationToken, Task>? cancelled = null) : IBookingPort
{
    private const int SlotsWanted = 5;

    public async Task<DeskAnswer> AnswerAsync(DeskRequest request, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case DeskRequest.FindSlots find:
                return new DeskAnswer.Slots(await desk.FindSlotsAsync(find.CentreId, find.From, find.Until, SlotsWanted, cancellationToken, find.DayFrom, find.DayUntil).ConfigureAwait(false));

            case DeskRequest.Book book:
                // The key is unique per conversation and attempt, so a repeated turn finds its first booking.
                var draft = new BookingDraft(book.CentreId, book.Service, book.Start, book.Mode, book.Anonymous, book.Name, address,
                    $"{address.ChannelId}/{address.ConversationId}/{book.Key}", IntakeJson.Serialize(book.Intake));
                switch (await desk.BookAsync(draft, cancellationToken).ConfigureAwait(false))
                {
                    case BookingResult.Booked made:
                        if (!made.AlreadyExisted && booked is not null)
                        {
                            await booked(made.Booking, cancellationToken).ConfigureAwait(false);
                        }

                        return new DeskAnswer.Booked(made.Booking, calendarLink(made.Booking));
                    case BookingResult.Unavailable unavailable:
                        return new DeskAnswer.Unavailable(unavailable.Alternatives);
                    default:
                        throw new InvalidOperationException("Unknown booking result.");
                }

            case DeskRequest.Cancel cancel:
                var gone = await desk.CancelAsync(cancel.Reference, address, cancellationToken).ConfigureAwait(false);
                if (gone is not null && cancelled is not null)
                {
                    await cancelled(gone, cancellationToken).ConfigureAwait(false);
                }

                return new DeskAnswer.Cancelled(gone);

            case DeskRequest.FindOwn:
                return new DeskAnswer.Own(await desk.FindLatestAsync(address, cancellationToken).ConfigureAwait(false));

            default:
                throw new ArgumentException($"Unknown desk request {request.GetType().Name}.", nameof(request));
        }
    }
}
