using System.Globalization;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Mail;
using IqTriageBot.Host.Mail;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Advisors;

/// <summary>
/// The delivery state of the mails to the centres: operators see every centre's, advisors and centre admins
/// their own centre's. A mail of another centre is "not found" (404), like its booking.
/// </summary>
internal static class PortalOutbox
{
    private const int Shown = 200;

    private static readonly string[] Columns =
        ["outbox.col.created", "outbox.col.recipient", "outbox.col.subject", "outbox.col.reference", "outbox.col.status", "outbox.col.attempts", "outbox.col.next", "outbox.col.error"];

    public static void Map(RouteGroupBuilder portal)
    {
        portal.MapGet("/outbox", List);
        portal.MapGet("/outbox/{id}", Detail);
    }

    private static async Task<IResult> List(HttpContext context, DialogContent content, PortalHtml html, IMailOutbox outbox, IOptions<SmtpOptions> smtp)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        var entries = await outbox.ListRecentAsync(user.Centres, Shown, context.RequestAborted);
        var body = $"<p>{PortalHtml.Encode(texts.Format("outbox.intro"))}</p>"
            + (smtp.Value.Enabled ? string.Empty : $"<p class=\"error\" role=\"status\">{PortalHtml.Encode(texts.Format("outbox.smtp_off"))}</p>")
            + (entries.Count == 0
                ? $"<p>{PortalHtml.Encode(texts.Format("outbox.none"))}</p>"
                : PortalHtml.Table(texts.Format("outbox.title"), Columns.Select(c => texts.Format(c)).ToList(), entries.Select(e => Row(e, texts)), "outbox"));
        return html.Page(context, texts, texts.Format("outbox.title"), body, user);
    }

    private static async Task<IResult> Detail(HttpContext context, string id, DialogContent content, PortalHtml html, IMailOutbox outbox, IPortalStore audit, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (await outbox.FindAsync(id, context.RequestAborted) is not { } entry || entry.Mail.CentreId is not { } centre || !user.MaySee(centre))
        {
            return html.Page(context, texts, texts.Format("error.not_found"), string.Empty, user, StatusCodes.Status404NotFound);
        }

        await audit.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, "view-mail", entry.Mail.BookingReference), context.RequestAborted);
        var cells = Row(entry, texts);
        var facts = Columns.Select((column, i) => (IReadOnlyList<string>)[PortalHtml.Encode(texts.Format(column)), cells[i]]).ToList();
        facts.Add([PortalHtml.Encode(texts.Format("outbox.detail.sent")), PortalHtml.Encode(When(entry.SentAt))]);
        facts.Add([PortalHtml.Encode(texts.Format("outbox.detail.attachments")), PortalHtml.Encode(string.Join(", ", entry.Mail.Attachments.Select(a => a.FileName)))]);
        var body = PortalHtml.Table(texts.Format("outbox.detail.title"), [string.Empty, string.Empty], facts, "facts")
            + $"<h2>{PortalHtml.Encode(texts.Format("outbox.detail.body"))}</h2><pre class=\"mail\">{PortalHtml.Encode(entry.Mail.TextBody)}</pre>";
        return html.Page(context, texts, entry.Mail.Subject, body, user);
    }

    private static List<string> Row(OutboxEntry entry, TextCatalog texts) =>
    [
        $"<a href=\"/portal/outbox/{PortalHtml.Encode(entry.Id)}\">{PortalHtml.Encode(When(entry.CreatedAt))}</a>",
        PortalHtml.Encode(entry.Mail.Recipients.Count == 0 ? texts.Format("outbox.no_recipient") : string.Join(", ", entry.Mail.Recipients)),
        PortalHtml.Encode(entry.Mail.Subject),
        entry.Mail.BookingReference is { } reference ? $"<a href=\"/portal/bookings/{PortalHtml.Encode(reference)}\">{PortalHtml.Encode(reference)}</a>" : string.Empty,
        $"<span class=\"mail-{Codes.Of(entry.Status)}\">{PortalHtml.Encode(texts.Format("outbox.status." + Codes.Of(entry.Status)))}</span>",
        entry.Attempts.ToString(CultureInfo.InvariantCulture),
        PortalHtml.Encode(entry.Status == MailStatus.Queued ? When(entry.NextAttemptAt) : string.Empty),
        PortalHtml.Encode(entry.LastError),
    ];

    private static string When(DateTimeOffset? at) =>
        at is { } value ? SlotPlanner.ToBerlin(value).ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty;
}
