using System.Globalization;
using System.Text;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using Microsoft.AspNetCore.Mvc;

namespace IqTriageBot.Host.Advisors;

/// <summary>Accounts (centre admins for their centre, operators for all), statistics and the audit log (operators).</summary>
internal static class PortalAdministration
{
    public static void Map(RouteGroupBuilder portal)
    {
        portal.MapGet("/accounts", Accounts);
        portal.MapPost("/accounts", CreateAccount);
        portal.MapGet("/statistics", StatisticsPage);
        portal.MapGet("/statistics.csv", StatisticsCsv);
        portal.MapGet("/audit", Audit);
    }

    private static async Task<IResult> Accounts(HttpContext context, DialogContent content, PortalHtml html, IPortalStore store, string? done, string? problem)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (user.Role == PortalRole.Advisor)
        {
            return html.Page(context, texts, texts.Format("error.forbidden"), string.Empty, user, StatusCodes.Status403Forbidden);
        }

        var accounts = await store.ListAccountsAsync(user.IsOperator ? null : user.CentreId, context.RequestAborted);
        var roles = (user.IsOperator ? Enum.GetValues<PortalRole>() : [PortalRole.Advisor, PortalRole.CentreAdmin]).Select(r => (Codes.Of(r), texts.Format("role." + Codes.Of(r))));
        var centres = content.Data.Centres.Centres.Where(c => user.MaySee(c.Id)).Select(c => (c.Id, c.Name));
        var notice = done is not null ? $"<p class=\"notice\" role=\"status\">{PortalHtml.Encode(texts.Format("advisors.created"))}</p>"
            : problem is not null ? $"<p class=\"error\" role=\"alert\">{PortalHtml.Encode(texts.Format("advisors.invalid", new Dictionary<string, string> { ["problem"] = problem }))}</p>"
            : string.Empty;
        var form = $"<h2>{PortalHtml.Encode(texts.Format("advisors.create"))}</h2>" + html.Form(context, "/portal/accounts",
            PortalHtml.Field("email", texts.Format("advisors.email"), string.Empty, "email", required: true)
            + PortalHtml.Field("password", texts.Format("advisors.password"), string.Empty, "password", required: true)
            + PortalHtml.Select("role", texts.Format("advisors.role"), roles, Codes.Of(PortalRole.Advisor))
            + PortalHtml.Select("centre", texts.Format("advisors.centre"), centres, user.CentreId),
            texts.Format("advisors.create"));
        var list = PortalHtml.Table(texts.Format("advisors.list"), [texts.Format("advisors.email"), texts.Format("advisors.role"), texts.Format("advisors.centre")],
            accounts.Select(a => (IReadOnlyList<string>)[PortalHtml.Encode(a.Email), PortalHtml.Encode(texts.Format("role." + Codes.Of(a.Role))), PortalHtml.Encode(a.CentreId ?? "–")]));
        return html.Page(context, texts, texts.Format("advisors.title"), notice + form + list, user);
    }

    private static async Task<IResult> CreateAccount(HttpContext context, [FromForm] string? email, [FromForm] string? password, [FromForm] string? role, [FromForm] string? centre,
        DialogContent content, PortalHtml html, PortalAccounts accounts, IPortalStore store, TimeProvider time)
    {
        var user = PortalUser.From(context.User)!;
        if (user.Role == PortalRole.Advisor || !Codes.TryParse<PortalRole>(role, out var newRole)
            || (!user.IsOperator && (newRole == PortalRole.Operator || centre != user.CentreId))
            || (centre is { Length: > 0 } && content.Data.Centres.Find(centre) is null))
        {
            var texts = PortalSetup.Texts(context, content);
            return html.Page(context, texts, texts.Format("error.forbidden"), string.Empty, user, StatusCodes.Status403Forbidden);
        }

        var problem = await accounts.CreateAsync(email ?? string.Empty, password ?? string.Empty, newRole, centre, context.RequestAborted);
        if (problem is null)
        {
            await store.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, "create-account", null), context.RequestAborted);
            return Results.Redirect("/portal/accounts?done=1");
        }

        return Results.Redirect("/portal/accounts?problem=" + Uri.EscapeDataString(problem));
    }

    private static async Task<IResult> StatisticsPage(HttpContext context, DialogContent content, PortalHtml html, Statistics statistics, TimeProvider time, string? period, string? by)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (!user.IsOperator)
        {
            return html.Page(context, texts, texts.Format("error.forbidden"), string.Empty, user, StatusCodes.Status403Forbidden);
        }

        var (dimension, byMonth, from, until) = Range(period, by, time);
        var rows = await statistics.ReadAsync(dimension, byMonth, from, until, context.RequestAborted);
        var form = "<form method=\"get\" class=\"filters\" action=\"/portal/statistics\">"
            + PortalHtml.Select("period", texts.Format("stats.period"), [("week", texts.Format("stats.week")), ("month", texts.Format("stats.month"))], byMonth ? "month" : "week")
            + PortalHtml.Select("by", texts.Format("stats.by"), Enum.GetValues<Dimension>().Select(d => (Codes.Of(d), texts.Format("stats.dimension." + Codes.Of(d)))), Codes.Of(dimension))
            + $"<button type=\"submit\">{PortalHtml.Encode(texts.Format("bookings.filter.apply"))}</button></form>"
            + $"<p>{PortalHtml.Encode(texts.Format("stats.suppressed", new Dictionary<string, string> { ["min"] = Statistics.MinimumCell.ToString(CultureInfo.InvariantCulture) }))} "
            + $"<a href=\"/portal/statistics.csv{context.Request.QueryString}\">{PortalHtml.Encode(texts.Format("stats.export_csv"))}</a></p>";
        var table = PortalHtml.Table(texts.Format("stats.title"), [texts.Format("stats.period"), texts.Format("stats.by"), .. Enum.GetValues<Metric>().Select(m => texts.Format("stats.metric." + Codes.Of(m)))],
            rows.GroupBy(r => (r.Period, r.Value)).Select(g => (IReadOnlyList<string>)[
                PortalHtml.Encode(g.Key.Period), PortalHtml.Encode(g.Key.Value),
                .. Enum.GetValues<Metric>().Select(m => g.FirstOrDefault(r => r.Metric == m) is { Count: { } count } ? count.ToString(CultureInfo.InvariantCulture) : "·")]));
        return html.Page(context, texts, texts.Format("stats.title"), form + table, user);
    }

    private static async Task<IResult> StatisticsCsv(HttpContext context, Statistics statistics, TimeProvider time, string? period, string? by)
    {
        if (PortalUser.From(context.User) is not { IsOperator: true })
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var (dimension, byMonth, from, until) = Range(period, by, time);
        var csv = new StringBuilder().AppendLine("period,dimension,value,metric,count");
        foreach (var row in await statistics.ReadAsync(dimension, byMonth, from, until, context.RequestAborted))
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{row.Period},{Codes.Of(dimension)},{row.Value},{Codes.Of(row.Metric)},{(row.Count is { } c ? c.ToString(CultureInfo.InvariantCulture) : "<5")}");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "statistics.csv");
    }

    private static async Task<IResult> Audit(HttpContext context, DialogContent content, PortalHtml html, IPortalStore store)
    {
        var user = PortalUser.From(context.User)!;
        var texts = PortalSetup.Texts(context, content);
        if (!user.IsOperator)
        {
            return html.Page(context, texts, texts.Format("error.forbidden"), string.Empty, user, StatusCodes.Status403Forbidden);
        }

        var entries = await store.ReadAuditAsync(500, context.RequestAborted);
        var table = PortalHtml.Table(texts.Format("audit.title"), [texts.Format("audit.col.when"), texts.Format("audit.col.user"), texts.Format("audit.col.action"), texts.Format("audit.col.reference")],
            entries.Select(e => (IReadOnlyList<string>)[
                PortalHtml.Encode(Domain.Bookings.SlotPlanner.ToBerlin(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                PortalHtml.Encode(e.Account), PortalHtml.Encode(e.Action), PortalHtml.Encode(e.Reference ?? "–")]));
        return html.Page(context, texts, texts.Format("audit.title"), table, user);
    }

    private static (Dimension Dimension, bool ByMonth, DateOnly From, DateOnly Until) Range(string? period, string? by, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var byMonth = period == "month";
        var dimension = Codes.TryParse<Dimension>(by, out var d) ? d : Dimension.None;
        return (dimension, byMonth, today.AddDays(byMonth ? -366 : -7 * 26), today);
    }
}
