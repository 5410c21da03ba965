using System.Globalization;
using System.Text;
using System.Text.Json;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Routing;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace IqTriageBot.Host.Advisors;

/// <summary>
/// Bookings and their intakes: list with filters, CSV, detail, status, JSON export and print view. Every
/// booking is checked against the user's centre; a booking of another centre is "not found" (404), so
/// references of other centres cannot even be confirmed to exist.
/// </summary>
internal static class PortalBookings
{
    public static void Map(RouteGroupBuilder portal)
    {
        portal.MapGet("/bookings", List);
        portal.MapGet("/bookings.csv", Csv);
        portal.MapGet("/bookings/{reference}", Detail);
        portal.MapGet("/bookings/{reference}/intake.json", Json);
        portal.MapGet("/bookings/{reference}/print", Print);
        portal.MapPost("/bookings/{reference}/status", SetStatus);
        portal.MapPost("/bookings/{reference}/assign", Assign);
    }

    private static async Task<IResult> List(HttpContext context, DialogContent content, PortalHtml html, IBookingStore store, TimeProvider time,
        string? when, string? status, string? service)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        var past = when == "past";
        var bookings = await store.ListAsync(Query(user, past, status, service, time), context.RequestAborted);
        var filters = $"<form method=\"get\" class=\"filters\" action=\"/portal/bookings\">"
            + PortalHtml.Select("when", texts.Format("bookings.col.when"), [("upcoming", texts.Format("bookings.upcoming")), ("past", texts.Format("bookings.past"))], past ? "past" : "upcoming")
            + PortalHtml.Select("status", texts.Format("bookings.filter.status"), Enum.GetValues<BookingStatus>().Select(s => (Codes.Of(s), texts.Format("status." + Codes.Of(s)))).Prepend((string.Empty, texts.Format("bookings.filter.all"))), status)
            + PortalHtml.Select("service", texts.Format("bookings.filter.service"), new[] { Service.Recognition, Service.Qualification, Service.FairIntegration }.Select(s => (Codes.Of(s), content.Catalogs[texts.Language].Format(TextKeys.ServiceName(s)))).Prepend((string.Empty, texts.Format("bookings.filter.all"))), service)
            + $"<button type=\"submit\">{PortalHtml.Encode(texts.Format("bookings.filter.apply"))}</button></form>"
            + $"<p><a href=\"/portal/bookings.csv{context.Request.QueryString}\">{PortalHtml.Encode(texts.Format("bookings.export_csv"))}</a></p>";
        var table = bookings.Count == 0
            ? $"<p>{PortalHtml.Encode(texts.Format("bookings.none"))}</p>"
            : PortalHtml.Table(texts.Format(past ? "bookings.past" : "bookings.upcoming"), Headers(texts), bookings.Select(b => Row(b, content, texts)));
        return html.Page(context, texts, texts.Format("bookings.title"), filters + table, user);
    }

    private static async Task<IResult> Csv(HttpContext context, DialogContent content, IBookingStore store, TimeProvider time, string? when, string? status, string? service)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        var bookings = await store.ListAsync(Query(user, when == "past", status, service, time), context.RequestAborted);
        var csv = new StringBuilder().AppendLine("reference,start,centre,service,mode,language,status,anonymous,name");
        foreach (var b in bookings)
        {
            csv.AppendJoin(',', new[]
            {
                b.Reference, b.Start is { } s ? SlotPlanner.ToBerlin(s).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty,
                b.CentreId, Codes.Of(b.Service), Codes.Of(b.Mode), b.Address.Language, Codes.Of(b.Status), b.Anonymous ? "yes" : "no", b.Name ?? string.Empty,
            }.Select(CsvField)).AppendLine();
        }

        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"bookings-{texts.Language}.csv");
    }

    private static async Task<IResult> Detail(HttpContext context, string reference, DialogContent content, PortalHtml html, IBookingStore store,
        IntakeDocuments documents, IPortalStore portalStore, TimeProvider time, string? done)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (await VisibleAsync(store, user, reference, context) is not { } booking)
        {
            return html.Page(context, texts, texts.Format("error.not_found"), string.Empty, user, StatusCodes.Status404NotFound);
        }

        var intakeHtml = await IntakeHtmlAsync(context, user, "view-intake", booking, content, texts, documents, portalStore, time);
        var noticeKey = done switch
        {
            null => null,
            "assigned" => "detail.assigned",
            "cancelled" => "detail.cancel_notified",
            _ => "detail.status_changed",
        };
        var notice = noticeKey is null ? string.Empty : $"<p class=\"notice\" role=\"status\">{PortalHtml.Encode(texts.Format(noticeKey))}</p>";
        var actions = new StringBuilder("<div class=\"actions\"><p>").Append(PortalHtml.Encode(texts.Format("detail.mark"))).Append(' ');
        foreach (var status in new[] { BookingStatus.Attended, BookingStatus.NoShow, BookingStatus.Cancelled })
        {
            actions.Append(html.Form(context, $"/portal/bookings/{booking.Reference}/status",
                $"<input type=\"hidden\" name=\"status\" value=\"{Codes.Of(status)}\">", texts.Format("detail.mark." + Codes.Of(status)), "inline"));
        }

        actions.Append("</p><p><a href=\"/portal/bookings/").Append(booking.Reference).Append("/intake.json\">").Append(PortalHtml.Encode(texts.Format("detail.export_json"))).Append("</a> · ")
            .Append("<a href=\"/portal/bookings/").Append(booking.Reference).Append("/print\">").Append(PortalHtml.Encode(texts.Format("detail.print"))).Append("</a></p></div>");
        var advisors = (await portalStore.ListAccountsAsync(booking.CentreId, context.RequestAborted)).Where(a => a.Role != PortalRole.Operator).Select(a => a.Email).ToList();
        var assign = html.Form(context, $"/portal/bookings/{booking.Reference}/assign",
            PortalHtml.Select("advisor", texts.Format("detail.assign"), advisors.Select(a => (a, a)).Prepend((string.Empty, texts.Format("detail.assign.nobody"))), booking.AssignedTo),
            texts.Format("detail.assign.submit"), "inline");
        var body = notice + actions + $"<div class=\"actions\">{assign}</div>" + intakeHtml;
        return html.Page(context, texts, texts.Format("detail.title", new Dictionary<string, string> { ["reference"] = booking.Reference }), body, user);
    }

    private static async Task<IResult> Print(HttpContext context, string reference, DialogContent content, PortalHtml html, IBookingStore store,
        IntakeDocuments documents, IPortalStore portalStore, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (await VisibleAsync(store, user, reference, context) is not { } booking)
        {
            return html.Page(context, texts, texts.Format("error.not_found"), string.Empty, user, StatusCodes.Status404NotFound);
        }

        var intakeHtml = await IntakeHtmlAsync(context, user, "print-intake", booking, content, texts, documents, portalStore, time);
        return html.Page(context, texts, $"{texts.Format("intake.title")} – {booking.Reference}", intakeHtml, user);
    }

    /// <summary>The intake as HTML, in the portal's language; opening it is written to the audit log first.</summary>
    private static async Task<string> IntakeHtmlAsync(HttpContext context, PortalUser user, string action, Booking booking, DialogContent content, TextCatalog texts,
        IntakeDocuments documents, IPortalStore portalStore, TimeProvider time)
    {
        await portalStore.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, action, booking.Reference), context.RequestAborted);
        var intake = IntakeJson.Deserialize(booking.Intake);
        return IntakeRendering.ToHtml(documents.Build(booking, intake, texts.Language), OriginalLabel(texts, content, intake?.Language));
    }

    private static async Task<IResult> Json(HttpContext context, string reference, DialogContent content, IBookingStore store, IPortalStore portalStore, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        if (await VisibleAsync(store, user, reference, context) is not { } booking)
        {
            return Results.NotFound();
        }

        await portalStore.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, "export-intake", booking.Reference), context.RequestAborted);
        var export = new IntakeExport(
            IntakeExport.SchemaId,
            new IntakeExport.BookingPart(booking.Reference, booking.CentreId, Codes.Of(booking.Service), booking.Start, booking.End, Codes.Of(booking.Mode),
                Codes.Of(booking.Status), booking.Anonymous, booking.Anonymous ? null : booking.Name, booking.Address.Language, booking.Address.ChannelId, booking.CreatedAt),
            IntakeJson.Deserialize(booking.Intake));
        return Results.Text(JsonSerializer.Serialize(export, IntakeJson.Options), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> SetStatus(HttpContext context, string reference, [FromForm] string? status, DialogContent content, PortalHtml html,
        IBookingStore store, IPortalStore portalStore, Translation.ConversationTranslation translation, ProactiveMessages messages, Statistics statistics, BookingNotifications notifications, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (await VisibleAsync(store, user, reference, context) is not { } booking)
        {
            return html.Page(context, texts, texts.Format("error.not_found"), string.Empty, user, StatusCodes.Status404NotFound);
        }

        if (!Codes.TryParse<BookingStatus>(status, out var next) || next is not (BookingStatus.Attended or BookingStatus.NoShow or BookingStatus.Cancelled))
        {
            return Results.BadRequest();
        }

        if (await store.SetStatusAsync(booking.Reference, next, time.GetUtcNow(), context.RequestAborted))
        {
            await portalStore.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, "status-" + Codes.Of(next), booking.Reference), context.RequestAborted);
            if (next == BookingStatus.Cancelled)
            {
                var engine = await translation.EngineForAsync(booking.Address.Language, context.RequestAborted);
                await messages.SendAsync(booking.Address, engine.Cancellation(booking), context.RequestAborted);
                await notifications.CancelledAsync(booking, Mail.CancelledBy.Portal, context.RequestAborted);
            }
            else if (next == BookingStatus.Attended)
            {
                await statistics.AttendedAsync(booking, context.RequestAborted);
            }
        }

        return Results.Redirect($"/portal/bookings/{booking.Reference}?done={Codes.Of(next)}");
    }

    private static async Task<IResult> Assign(HttpContext context, string reference, [FromForm] string? advisor, DialogContent content, PortalHtml html,
        IBookingStore store, IPortalStore portalStore, BookingNotifications notifications, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (await VisibleAsync(store, user, reference, context) is not { } booking)
        {
            return html.Page(context, texts, texts.Format("error.not_found"), string.Empty, user, StatusCodes.Status404NotFound);
        }

        // Only an account of the booking's own centre can take the session.
        string? assignee = null;
        if (!string.IsNullOrWhiteSpace(advisor))
        {
            if (await portalStore.FindAccountAsync(advisor.Trim(), context.RequestAborted) is not { Role: not PortalRole.Operator } account || account.CentreId != booking.CentreId)
            {
                return Results.BadRequest();
            }

            assignee = account.Email;
        }

        await store.AssignAsync(booking.Reference, assignee, time.GetUtcNow(), context.RequestAborted);
        await portalStore.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, assignee is null ? "unassign" : "assign", booking.Reference), context.RequestAborted);
        if (assignee is not null && !string.Equals(assignee, booking.AssignedTo, StringComparison.OrdinalIgnoreCase))
        {
            await notifications.AssignedAsync(booking with { AssignedTo = assignee }, assignee, context.RequestAborted);
        }

        return Results.Redirect($"/portal/bookings/{booking.Reference}?done=assigned");
    }

    private static async Task<Booking?> VisibleAsync(IBookingStore store, PortalUser user, string reference, HttpContext context) =>
        await store.FindAsync(reference.ToUpperInvariant(), context.RequestAborted) is { } booking && user.MaySee(booking) ? booking : null;

    private static BookingQuery Query(PortalUser user, bool past, string? status, string? service, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new BookingQuery(
            user.Centres,
            past ? null : now.AddHours(-2),
            past ? now : null,
            Codes.TryParse<BookingStatus>(status, out var s) ? s : null,
            Codes.TryParse<Service>(service, out var v) ? v : null,
            Descending: past);
    }

    private static readonly string[] Columns =
        ["bookings.col.reference", "bookings.col.when", "bookings.col.centre", "bookings.col.service", "bookings.col.mode", "bookings.col.language", "bookings.col.status"];

    private static List<string> Headers(TextCatalog texts) => Columns.Select(k => texts.Format(k)).ToList();

    private static List<string> Row(Booking b, DialogContent content, TextCatalog texts)
    {
        var catalog = content.Catalogs[texts.Language];
        return
        [
            $"<a href=\"/portal/bookings/{b.Reference}\">{b.Reference}</a>",
            PortalHtml.Encode(b.Start is { } s ? IntakeDocuments.FormatWhen(s, texts.Language) : texts.Format("status.waiting")),
            PortalHtml.Encode(content.Data.Centres.Find(b.CentreId)?.Name ?? b.CentreId),
            PortalHtml.Encode(catalog.Format(TextKeys.ServiceName(b.Service))),
            PortalHtml.Encode(catalog.Format("opt.mode." + Codes.Of(b.Mode))),
            PortalHtml.Encode(content.FindLanguage(b.Address.Language) is { } l ? (texts.Language == "de" ? l.GermanName : l.EnglishName) : b.Address.Language),
            PortalHtml.Encode(texts.Format("status." + Codes.Of(b.Status))),
        ];
    }

    internal static string OriginalLabel(TextCatalog texts, DialogContent content, string? language) =>
        texts.Format("intake.original", new Dictionary<string, string>
        {
            ["language"] = content.FindLanguage(language) is { } l ? (texts.Language == "de" ? l.GermanName : l.EnglishName) : language ?? "?",
        });

    private static readonly char[] CsvSpecial = [',', '"', '\n', '\r'];

    /// <summary>Quotes what needs it and defuses values a spreadsheet would run as a formula.</summary>
    private static string CsvField(string value) =>
        value.IndexOfAny(CsvSpecial) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : string.Empty) + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}

/// <summary>
/// The JSON export of an intake (schema "iqtriagebot.intake/1"): the booking, and the intake with every answer as a
/// code of dialogs/flow.yaml (documented in the README).
/// </summary>
public sealed record IntakeExport(string Schema, IntakeExport.BookingPart Booking, Domain.Intake.IntakeSnapshot? Intake)
{
    public const string SchemaId = "iqtriagebot.intake/1";

    public sealed record BookingPart(
        string Reference, string CentreId, string Service, DateTimeOffset? Start, DateTimeOffset? End, string Mode,
        string Status, bool Anonymous, string? Name, string Language, string Channel, DateTimeOffset CreatedAt);
}
