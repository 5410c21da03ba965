using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IqTriageBot.Host.Bookings;

/// <summary>
/// GET /api/bookings/{reference}/calendar.ics?k=signature: the appointment as an iCalendar file. It names the
/// centre, the time, the place or the way of contact and the reference; nothing about the person.
/// </summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/bookings/{reference}/calendar.ics", Calendar);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Calendar(
        string reference, string? k, CalendarLinks links, IBookingStore store, DialogContent content, CancellationToken cancellationToken)
    {
        if (!links.IsValid(reference, k))
        {
            return TypedResults.NotFound();
        }

        var booking = await store.FindAsync(reference, cancellationToken);
        if (booking?.Start is null || booking.End is null || content.Data.Centres.Find(booking.CentreId) is not { } centre)
        {
            return TypedResults.NotFound();
        }

        if (booking.Status == BookingStatus.Cancelled)
        {
            return TypedResults.Problem("This appointment was cancelled.", statusCode: StatusCodes.Status410Gone, title: "cancelled");
        }

        var text = BookingCalendar.Build(booking, centre, BookingCalendar.Publish);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"appointment-{booking.Reference}.ics");
    }
}
