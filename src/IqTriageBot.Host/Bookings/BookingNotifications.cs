using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Advisors;

namespace IqTriageBot.Host.Bookings;

/// <summary>What happens once a booking is made: it is counted for the statistics (and the centre is told by e-mail).</summary>
public sealed class BookingNotifications(Statistics statistics)
{
    public async Task BookedAsync(Booking booking, CancellationToken cancellationToken)
    {
        await statistics.BookedAsync(booking, cancellationToken).ConfigureAwait(false);
    }
}
