using System.Globalization;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Centres;
using Microsoft.AspNetCore.Mvc;

namespace IqTriageBot.Host.Advisors;

/// <summary>A centre's profile and its availability (hours, capacity, session length, languages), editable by its administrators and operators.</summary>
internal static class PortalCentre
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static void Map(RouteGroupBuilder portal)
    {
        portal.MapGet("/centre", Show);
        portal.MapPost("/centre", Save);
    }

    private static IResult Show(HttpContext context, DialogContent content, PortalHtml html, string? id, string? done, string? problem)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (user.IsOperator && string.IsNullOrEmpty(id))
        {
            var list = "<ul class=\"centres\">" + string.Concat(content.Data.Centres.Centres.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => $"<li><a href=\"/portal/centre?id={Uri.EscapeDataString(c.Id)}\">{PortalHtml.Encode(c.Name)}</a></li>")) + "</ul>";
            return html.Page(context, texts, texts.Format("centre.choose"), list, user);
        }

        if (Editable(user, content, id) is not { } centre)
        {
            return html.Page(context, texts, texts.Format(user.Role == PortalRole.Advisor ? "error.forbidden" : "error.not_found"), string.Empty, user,
                user.Role == PortalRole.Advisor ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }

        var notice = done is not null ? $"<p class=\"notice\" role=\"status\">{PortalHtml.Encode(texts.Format("centre.saved"))}</p>"
            : problem is not null ? $"<p class=\"error\" role=\"alert\">{PortalHtml.Encode(texts.Format("centre.invalid", new Dictionary<string, string> { ["problem"] = problem }))}</p>"
            : string.Empty;
        var seeded = centre.IsConfirmed("hours") ? string.Empty : $" <span class=\"missing\">({PortalHtml.Encode(texts.Format("centre.seeded"))})</span>";
        var fields = $"<input type=\"hidden\" name=\"id\" value=\"{PortalHtml.Encode(centre.Id)}\"><h2>{PortalHtml.Encode(texts.Format("centre.hours"))}{seeded}</h2><p>{PortalHtml.Encode(texts.Format("centre.hours_help"))}</p>";
        foreach (var (day, index) in Days.Select((d, i) => (d, (DayOfWeek)((i + 1) % 7))))
        {
            var value = centre.Hours.TryGetValue(index, out var ranges) ? string.Join(", ", ranges.Select(r => $"{r.From:HH\\:mm}-{r.To:HH\\:mm}")) : string.Empty;
            fields += PortalHtml.Field("hours-" + day, texts.Format("day." + day), value);
        }

        fields += PortalHtml.Field("capacity", texts.Format("centre.capacity"), centre.Capacity.ToString(CultureInfo.InvariantCulture), "number")
            + PortalHtml.Field("session", texts.Format("centre.session"), centre.SessionMinutes.ToString(CultureInfo.InvariantCulture), "number")
            + PortalHtml.Field("languages", texts.Format("centre.languages"), string.Join(", ", centre.Languages));
        var contact = PortalHtml.Table(texts.Format("centre.contact"), ["", ""],
        [
            Row("address", centre.Address.ToString(), centre, texts), Row("phone", centre.Phone, centre, texts),
            Row("email", centre.Email, centre, texts), Row("website", centre.Website, centre, texts),
        ]);
        return html.Page(context, texts, $"{texts.Format("centre.title")}: {centre.Name}", notice + html.Form(context, "/portal/centre", fields, texts.Format("centre.save")) + contact, user);
    }

    private static async Task<IResult> Save(HttpContext context, [FromForm] string? id, DialogContent content, PortalHtml html, ICentreSettingsStore store, IPortalStore audit, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        if (Editable(user, content, id) is not { } centre)
        {
            var texts = PortalSetup.Texts(context, content);
            return html.Page(context, texts, texts.Format("error.forbidden"), string.Empty, user, StatusCodes.Status403Forbidden);
        }

        var form = context.Request.Form;
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<OpeningHours>>();
        foreach (var (day, index) in Days.Select((d, i) => (d, (DayOfWeek)((i + 1) % 7))))
        {
            var ranges = new List<OpeningHours>();
            foreach (var part in form["hours-" + day].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bounds = part.Split('-', StringSplitOptions.TrimEntries);
                if (bounds.Length != 2 || !TimeOnly.TryParseExact(bounds[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                    || !TimeOnly.TryParseExact(bounds[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || from >= to)
                {
                    return Back(centre, $"{day}: {part}");
                }

                ranges.Add(new OpeningHours(from, to));
            }

            if (ranges.Count > 0)
            {
                hours[index] = ranges;
            }
        }

        if (!int.TryParse(form["capacity"], CultureInfo.InvariantCulture, out var capacity) || capacity is < 1 or > 50)
        {
            return Back(centre, "capacity 1-50");
        }

        if (!int.TryParse(form["session"], CultureInfo.InvariantCulture, out var session) || session is < 15 or > 240)
        {
            return Back(centre, "minutes 15-240");
        }

        var languages = form["languages"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.ToLowerInvariant()).Where(l => l.Length is >= 2 and <= 5 && l.All(c => char.IsAsciiLetterLower(c) || c == '-')).Distinct().ToList();
        await store.SaveAsync(centre.Id, new CentreSettings(hours, capacity, session, languages.Count > 0 ? languages : ["de"]), time.GetUtcNow(), context.RequestAborted);
        content.Data.Centres.Apply(await store.ReadAllAsync(context.RequestAborted));
        await audit.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, "centre-settings", centre.Id), context.RequestAborted);
        return Results.Redirect($"/portal/centre?id={Uri.EscapeDataString(centre.Id)}&done=1");

        static IResult Back(Centre centre, string problem) =>
            Results.Redirect($"/portal/centre?id={Uri.EscapeDataString(centre.Id)}&problem={Uri.EscapeDataString(problem)}");
    }

    private static Centre? Editable(PortalUser user, DialogContent content, string? id)
    {
        if (user.Role == PortalRole.Advisor)
        {
            return null;
        }

        var centre = content.Data.Centres.Find(id ?? user.CentreId);
        return centre is not null && user.MaySee(centre.Id) ? centre : null;
    }

    private static IReadOnlyList<string> Row(string field, string value, Centre centre, Dialogs.TextCatalog texts) =>
    [
        PortalHtml.Encode(field),
        PortalHtml.Encode(value.Length == 0 ? "–" : value) + (centre.IsConfirmed(field) || value.Length == 0 ? string.Empty : $" <span class=\"missing\">({PortalHtml.Encode(texts.Format("centre.unconfirmed"))})</span>"),
    ];
}
