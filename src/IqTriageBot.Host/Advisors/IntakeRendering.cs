using System.Text;

namespace IqTriageBot.Host.Advisors;

/// <summary>The intake as plain text (e-mail) and as HTML (e-mail, portal, print).</summary>
public static class IntakeRendering
{
    public static string ToText(IntakeDocument document, string originalLabel)
    {
        var text = new StringBuilder().AppendLine(document.Title).AppendLine(new string('=', document.Title.Length));
        foreach (var section in document.Sections)
        {
            text.AppendLine().AppendLine(section.Title).AppendLine(new string('-', section.Title.Length));
            foreach (var row in section.Rows)
            {
                text.Append(row.Label).Append(": ").AppendLine(row.Value.Replace("\n", "\n    ", StringComparison.Ordinal));
                if (row.Original is { } original && original != row.Value)
                {
                    text.Append("    ").Append(originalLabel).Append(": ").AppendLine(original);
                }
            }
        }

        return text.ToString();
    }

    public static string ToHtml(IntakeDocument document, string originalLabel)
    {
        var html = new StringBuilder();
        foreach (var section in document.Sections)
        {
            html.Append("<h2>").Append(PortalHtml.Encode(section.Title)).Append("</h2><table class=\"intake\"><tbody>");
            foreach (var row in section.Rows)
            {
                html.Append("<tr><th scope=\"row\">").Append(PortalHtml.Encode(row.Label)).Append("</th><td")
                    .Append(row.Missing ? " class=\"missing\"" : string.Empty).Append('>')
                    .Append(PortalHtml.Encode(row.Value).Replace("\n", "<br>", StringComparison.Ordinal));
                if (row.Original is { } original && original != row.Value)
                {
                    // The person's words in their language and direction (Arabic stays right to left in a German page).
                    html.Append("<span class=\"original\">").Append(PortalHtml.Encode(originalLabel)).Append(": <bdi")
                        .Append(document.Language is { } code ? $" lang=\"{PortalHtml.Encode(code)}\"" : string.Empty).Append(" dir=\"auto\">")
                        .Append(PortalHtml.Encode(original)).Append("</bdi></span>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.ToString();
    }
}
