using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Host.Bookings;

/// <summary>
/// The iCalendar object of an appointment: the file people download (METHOD:PUBLISH), and the invitation and
/// its cancellation that centres get by e-mail (METHOD:REQUEST / METHOD:CANCEL, same UID). It names the centre,
/// the time, the place or the way of contact and the reference; nothing about the person.
/// </summary>
public static class BookingCalendar
{
    public const string Publish = "PUBLISH";
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Uid(Booking booking) => $"{booking.Id}@iqtriagebot";

    /// <summary>The serialised calendar; <paramref name="organizer"/> and <paramref name="attendees"/> (e-mail addresses) are set for invitations only.</summary>
    public static string Build(Booking booking, Centre centre, string method, string? organizer = null, IReadOnlyList<string>? attendees = null)
    {
        var where = booking.Mode switch
        {
            CounsellingMode.Phone => "Telefon / phone",
            CounsellingMode.Video => "Video",
            _ => centre.PublicAddress ?? centre.Address.City,
        };
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(booking),
            Summary = $"Erstberatung / First consultation – {centre.Name}",
            Description = $"Buchungsnummer / Reference: {booking.Reference}" + (centre.PublicPhone is { } phone ? $"\nTelefon / Phone: {phone}" : string.Empty),
            Location = where,
            DtStart = new CalDateTime(booking.Start!.Value.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(booking.End!.Value.UtcDateTime, "UTC"),
            DtStamp = new CalDateTime(booking.CreatedAt.UtcDateTime, "UTC"),
            Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
            Sequence = method == Cancel ? 1 : 0,
        };
        if (organizer is not null)
        {
            calendarEvent.Organizer = new Organizer("mailto:" + organizer);
        }

        foreach (var attendee in attendees ?? [])
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + attendee) { Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION" });
        }

        var calendar = new Calendar { ProductId = "-//IqTriageBot//Booking//DE", Method = method };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
