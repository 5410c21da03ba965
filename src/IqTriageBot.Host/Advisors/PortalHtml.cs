using System.Net;
using System.Text;
using IqTriageBot.Dialogs;
using Microsoft.AspNetCore.Antiforgery;

namespace IqTriageBot.Host.Advisors;

/// <summary>Server-rendered HTML for the portal: one accessible layout, encoded output, forms with anti-forgery tokens.</summary>
public sealed class PortalHtml(IAntiforgery antiforgery)
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A whole page in the portal's layout (navigation by role when signed in).</summary>
    public IResult Page(HttpContext context, TextCatalog texts, string title, string body, PortalUser? user, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(texts.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" – ").Append(Encode(texts.Format("portal.title"))).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/portal.css\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(Encode(texts.Format("portal.skip"))).Append("</a>")
            .Append("<header><strong>").Append(Encode(texts.Format("portal.title"))).Append("</strong>");
        if (user is not null)
        {
            html.Append("<nav aria-label=\"").Append(Encode(texts.Format("portal.title"))).Append("\">");
            Link(html, "/portal/bookings", texts.Format("portal.nav.bookings"));
            Link(html, "/portal/outbox", texts.Format("portal.nav.outbox"));
            if (user.Role != Domain.Advisors.PortalRole.Advisor)
            {
                Link(html, "/portal/centre", texts.Format("portal.nav.centre"));
                Link(html, "/portal/accounts", texts.Format("portal.nav.advisors"));
            }

            if (user.Role == Domain.Advisors.PortalRole.Operator)
            {
                Link(html, "/portal/statistics", texts.Format("portal.nav.statistics"));
                Link(html, "/portal/content", texts.Format("portal.nav.content"));
                Link(html, "/portal/audit", texts.Format("portal.nav.audit"));
            }

            html.Append("</nav><span>")
                .Append(Encode(texts.Format("portal.signed_in_as", new Dictionary<string, string> { ["user"] = user.Email, ["role"] = texts.Format("role." + Domain.Codes.Of(user.Role)) })))
                .Append(' ');
            Link(html, $"{context.Request.Path}?lang={(texts.Language == "de" ? "en" : "de")}", texts.Format("portal.language_switch"));
            html.Append(Form(context, "/portal/logout", string.Empty, texts.Format("portal.sign_out"), "inline")).Append("</span>");
        }

        html.Append("</header><main id=\"main\"><h1>").Append(Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A POST form with the anti-forgery token, the given fields and one submit button.</summary>
    public string Form(HttpContext context, string action, string fields, string submit, string? cssClass = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<form method=\"post\" action=\"{Encode(action)}\"{(cssClass is null ? string.Empty : $" class=\"{cssClass}\"")}>"
            + $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">"
            + fields
            + $"<button type=\"submit\"{(cssClass == "inline" ? string.Empty : " class=\"primary\"")}>{Encode(submit)}</button></form>";
    }

    public static string Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        var html = new StringBuilder("<table").Append(cssClass is null ? string.Empty : $" class=\"{cssClass}\"").Append("><caption>").Append(Encode(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            // Cells are HTML already (encoded by the caller), so links can be placed in them.
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static string Field(string name, string label, string value, string type = "text", bool required = false) =>
        $"<label for=\"{name}\">{Encode(label)}</label><input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{Encode(value)}\"{(required ? " required" : string.Empty)}>";

    public static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected) =>
        $"<label for=\"{name}\">{Encode(label)}</label><select id=\"{name}\" name=\"{name}\">"
        + string.Concat(options.Select(o => $"<option value=\"{Encode(o.Value)}\"{(o.Value == selected ? " selected" : string.Empty)}>{Encode(o.Text)}</option>"))
        + "</select>";

    private static void Link(StringBuilder html, string href, string text) =>
        html.Append("<a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a> ");
}
