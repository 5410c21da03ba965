using System.Text;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Domain.Mail;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Mail;

/// <summary>Who cancelled an appointment, as the centre's mail says it.</summary>
public enum CancelledBy { Person, Portal }

/// <summary>
/// The mails to a centre about its bookings, in German: for a new booking the intake summary (with the
/// person's own answers beside the German) and the calendar invitation; for a cancellation a short notice
/// and the invitation's cancellation (same UID).
/// </summary>
public sealed class BookingMails(LiveContent live, IntakeDocuments documents, CalendarLinks links, IOptions<SmtpOptions> options)
{
    private const string Language = "de";

    public OutgoingMail Booked(Booking booking) =>
        Intake(booking, Recipients(live.Content.Data.Centres.Find(booking.CentreId), booking.CentreId), $"booked/{booking.Id}", booking.Start is null ? "waiting" : "booked", "mail.intro");

    /// <summary>The intake for the advisor a session was assigned to in the portal.</summary>
    public OutgoingMail Assigned(Booking booking, string advisor) =>
        Intake(booking, [advisor], $"assigned/{booking.Id}/{advisor.ToLowerInvariant()}", "assigned", "mail.assigned_intro");

    private OutgoingMail Intake(Booking booking, IReadOnlyList<string> recipients, string deduplicationKey, string kind, string introKey)
    {
        var content = live.Content;
        var texts = content.Portal[Language];
        var centre = content.Data.Centres.Find(booking.CentreId);
        var intake = IntakeJson.Deserialize(booking.Intake);
        var document = documents.Build(booking, intake, Language);
        var originalLabel = PortalBookings.OriginalLabel(texts, content, intake?.Language);
        var values = Values(booking);
        var intro = texts.Format(introKey);
        var link = texts.Format("mail.portal_link", new Dictionary<string, string> { ["url"] = $"{links.BaseUrl}/portal/bookings/{booking.Reference}" });
        return new OutgoingMail
        {
            DeduplicationKey = deduplicationKey,
            Kind = kind,
            Recipients = recipients,
            Subject = texts.Format(booking.Start is null ? "mail.waiting_subject" : "mail.subject", values),
            TextBody = $"{intro}\n{link}\n\n{IntakeRendering.ToText(document, originalLabel)}\n{texts.Format("mail.footer")}\n",
            HtmlBody = Html(document.Title, $"<p>{PortalHtml.Encode(intro)}</p><p>{PortalHtml.Encode(link)}</p>{IntakeRendering.ToHtml(document, originalLabel)}<p class=\"footer\">{PortalHtml.Encode(texts.Format("mail.footer"))}</p>"),
            Attachments = Invitation(booking, centre, BookingCalendar.Request, recipients),
            BookingReference = booking.Reference,
            CentreId = booking.CentreId,
            ChannelId = booking.Address.ChannelId,
            ConversationId = booking.Address.ConversationId,
        };
    }

    public OutgoingMail Cancelled(Booking booking, CancelledBy by)
    {
        var content = live.Content;
        var texts = content.Portal[Language];
        var centre = content.Data.Centres.Find(booking.CentreId);
        var recipients = Recipients(centre, booking.CentreId);
        var cancelled = booking with { Status = BookingStatus.Cancelled };
        var document = documents.Build(cancelled, IntakeJson.Deserialize(booking.Intake), Language);
        var bookingSection = document.Sections[^1];
        var brief = document with { Title = texts.Format("mail.cancelled_title"), Sections = [bookingSection] };
        var intro = texts.Format(by == CancelledBy.Person ? "mail.cancelled_by_person" : "mail.cancelled_in_portal");
        return new OutgoingMail
        {
            DeduplicationKey = $"cancelled/{booking.Id}",
            Kind = "cancelled",
            Recipients = recipients,
            Subject = texts.Format("mail.cancelled_subject", Values(booking)),
            TextBody = $"{intro}\n\n{IntakeRendering.ToText(brief, string.Empty)}\n{texts.Format("mail.footer")}\n",
            HtmlBody = Html(brief.Title, $"<p>{PortalHtml.Encode(intro)}</p>{IntakeRendering.ToHtml(brief, string.Empty)}<p class=\"footer\">{PortalHtml.Encode(texts.Format("mail.footer"))}</p>"),
            Attachments = Invitation(cancelled, centre, BookingCalendar.Cancel, recipients),
            BookingReference = booking.Reference,
            CentreId = booking.CentreId,
            ChannelId = booking.Address.ChannelId,
            ConversationId = booking.Address.ConversationId,
        };
    }

    /// <summary>Smtp:CentreRecipients for the centre, else the centre's address in the directory, else Smtp:FallbackRecipient.</summary>
    public IReadOnlyList<string> Recipients(Centre? centre, string centreId)
    {
        var smtp = options.Value;
        if (smtp.CentreRecipients.TryGetValue(centreId, out var configured))
        {
            return SmtpOptions.Split(configured);
        }

        if (centre is not null && SmtpOptions.IsAddress(centre.Email))
        {
            return [centre.Email];
        }

        return SmtpOptions.IsAddress(smtp.FallbackRecipient) ? [smtp.FallbackRecipient!] : [];
    }

    private Dictionary<string, string> Values(Booking booking) => new()
    {
        ["when"] = booking.Start is { } start ? IntakeDocuments.FormatWhen(start, Language) : live.Content.Portal[Language].Format("status.waiting"),
        ["service"] = live.Content.Catalogs[Language].Format(TextKeys.ServiceName(booking.Service)),
        ["reference"] = booking.Reference,
    };

    private IReadOnlyList<MailAttachment> Invitation(Booking booking, Centre? centre, string method, IReadOnlyList<string> attendees)
    {
        if (booking.Start is null || booking.End is null || centre is null)
        {
            return [];
        }

        var calendar = BookingCalendar.Build(booking, centre, method, options.Value.FromAddress, attendees);
        var name = method == BookingCalendar.Cancel ? $"absage-{booking.Reference}.ics" : $"termin-{booking.Reference}.ics";
        return [new MailAttachment(name, $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(calendar))];
    }

    private static string Html(string title, string body) =>
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + PortalHtml.Encode(title) + "</title><style>"
        + "body{font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a}h1{font-size:20px}h2{font-size:16px;margin:18px 0 6px}"
        + "table.intake{border-collapse:collapse}table.intake th{text-align:left;vertical-align:top;padding:3px 12px 3px 0;font-weight:600;width:14em}"
        + "table.intake td{vertical-align:top;padding:3px 0}.missing{color:#6b6b6b;font-style:italic}.original{display:block;color:#4a4a4a;font-size:13px}"
        + ".footer{color:#6b6b6b;font-size:12px;margin-top:24px}"
        + "</style></head><body><h1>" + PortalHtml.Encode(title) + "</h1>" + body + "</body></html>";
}
