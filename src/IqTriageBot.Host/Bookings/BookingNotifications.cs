using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Mail;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Host.Mail;

namespace IqTriageBot.Host.Bookings;

/// <summary>
/// What happens once a booking is made or cancelled: it is counted for the statistics, and the centre gets a
/// mail (queued in the persistent outbox, sent in the background; a repeated call queues nothing new).
/// </summary>
public sealed partial class BookingNotifications(
    Statistics statistics,
    IMailOutbox outbox,
    BookingMails mails,
    MailDelivery delivery,
    TimeProvider time,
    ILogger<BookingNotifications> logger)
{
    public async Task BookedAsync(Booking booking, CancellationToken cancellationToken)
    {
        await statistics.BookedAsync(booking, cancellationToken).ConfigureAwait(false);
        await QueueAsync(() => mails.Booked(booking), booking, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The session was assigned to an advisor in the portal: they get the intake too.</summary>
    public Task AssignedAsync(Booking booking, string advisor, CancellationToken cancellationToken) =>
        QueueAsync(() => mails.Assigned(booking, advisor), booking, cancellationToken);

    /// <summary>The booking was cancelled (<paramref name="booking"/> as it was before).</summary>
    public Task CancelledAsync(Booking booking, CancelledBy by, CancellationToken cancellationToken) =>
        QueueAsync(() => mails.Cancelled(booking, by), booking, cancellationToken);

    private async Task QueueAsync(Func<OutgoingMail> compose, Booking booking, CancellationToken cancellationToken)
    {
        try
        {
            var mail = compose();
            if (await outbox.EnqueueAsync(mail, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                Queued(logger, mail.Kind, booking.CentreId, mail.Recipients.Count);
                delivery.Wake();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The booking stands and is in the portal; only the mail about it is missing.
            QueueFailed(logger, booking.CentreId, exception.GetType().Name);
        }
    }

    [LoggerMessage(4010, LogLevel.Information, "Mail ({Kind}) to centre {CentreId} queued for {Recipients} recipients")]
    private static partial void Queued(ILogger logger, string kind, string centreId, int recipients);

    [LoggerMessage(4011, LogLevel.Error, "Mail to centre {CentreId} could not be queued ({Failure}); the booking is in the portal")]
    private static partial void QueueFailed(ILogger logger, string centreId, string failure);
}
