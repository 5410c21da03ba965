using System.Globalization;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Host.Hosting;

namespace IqTriageBot.Host.Advisors;

/// <summary>Operators only: reloading the dialog content without a restart.</summary>
internal static class PortalOperations
{
    public static void Map(RouteGroupBuilder portal)
    {
        portal.MapGet("/content", Content);
        portal.MapPost("/content/reload", Reload);
    }

    private static IResult Content(HttpContext context, LiveContent live, PortalHtml html) =>
        Show(context, live, html, null);

    private static async Task<IResult> Reload(HttpContext context, LiveContent live, PortalHtml html, ICentreSettingsStore settings, IPortalStore audit, TimeProvider time)
    {
        if (PortalUser.From(context.User) is not { IsOperator: true } user)
        {
            return Forbidden(context, live, html);
        }

        var problems = await live.ReloadAsync(settings, time.GetUtcNow(), context.RequestAborted);
        await audit.AuditAsync(new AuditEntry(time.GetUtcNow(), user.Email, problems.Count == 0 ? "content-reload" : "content-reload-failed", null), context.RequestAborted);
        return Show(context, live, html, problems, problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Show(HttpContext context, LiveContent live, PortalHtml html, IReadOnlyList<string>? problems, int status = StatusCodes.Status200OK)
    {
        var user = PortalUser.From(context.User)!;
        if (!user.IsOperator)
        {
            return Forbidden(context, live, html);
        }

        var texts = PortalSetup.Texts(context, live.Content);
        var content = live.Content;
        var summary = texts.Format("content.reloaded", new Dictionary<string, string>
        {
            ["languages"] = content.Languages.Count.ToString(CultureInfo.InvariantCulture),
            ["occupations"] = content.Data.Occupations.Occupations.Count.ToString(CultureInfo.InvariantCulture),
            ["centres"] = content.Data.Centres.Centres.Count.ToString(CultureInfo.InvariantCulture),
        });
        var body = problems switch
        {
            null => string.Empty,
            [] => $"<p class=\"notice\" role=\"status\">{PortalHtml.Encode(summary)}</p>",
            _ => $"<div class=\"error\" role=\"alert\"><p>{PortalHtml.Encode(texts.Format("content.failed"))}</p><ul>"
                 + string.Concat(problems.Select(p => $"<li>{PortalHtml.Encode(p)}</li>")) + "</ul></div>",
        };
        body += $"<p>{PortalHtml.Encode(texts.Format("content.loaded_at", new Dictionary<string, string> { ["when"] = IntakeDocuments.FormatWhen(live.LoadedAt, texts.Language) }))}</p>"
            + html.Form(context, "/portal/content/reload", string.Empty, texts.Format("content.reload"));
        return html.Page(context, texts, texts.Format("content.title"), body, user, status);
    }

    private static IResult Forbidden(HttpContext context, LiveContent live, PortalHtml html)
    {
        var texts = PortalSetup.Texts(context, live.Content);
        return html.Page(context, texts, texts.Format("error.forbidden"), string.Empty, PortalUser.From(context.User), StatusCodes.Status403Forbidden);
    }
}
