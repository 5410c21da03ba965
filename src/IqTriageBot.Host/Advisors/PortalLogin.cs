using IqTriageBot.Dialogs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace IqTriageBot.Host.Advisors;

/// <summary>GET/POST /portal/login and POST /portal/logout.</summary>
internal static class PortalLogin
{
    public static void Map(RouteGroupBuilder portal)
    {
        portal.MapGet("/", () => Results.Redirect("/portal/bookings"));
        portal.MapGet("/login", (HttpContext context, DialogContent content, PortalHtml html) => Show(context, content, html, null));
        portal.MapPost("/login", SignIn);
        portal.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(PortalAccounts.Scheme);
            return Results.Redirect("/portal/login");
        });
    }

    private static async Task<IResult> SignIn(HttpContext context, [FromForm] string? email, [FromForm] string? password, DialogContent content, PortalHtml html, PortalAccounts accounts)
    {
        var result = await accounts.SignInAsync(context, email ?? string.Empty, password ?? string.Empty);
        return result switch
        {
            PortalAccounts.SignInResult.SignedIn => Results.Redirect("/portal/bookings"),
            PortalAccounts.SignInResult.Locked => Show(context, content, html, "login.locked", StatusCodes.Status401Unauthorized),
            _ => Show(context, content, html, "login.failed", StatusCodes.Status401Unauthorized),
        };
    }

    private static IResult Show(HttpContext context, DialogContent content, PortalHtml html, string? error, int status = StatusCodes.Status200OK)
    {
        var texts = PortalSetup.Texts(context, content);
        var body = (error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{PortalHtml.Encode(texts.Format(error))}</p>")
            + html.Form(context, "/portal/login",
                PortalHtml.Field("email", texts.Format("login.email"), string.Empty, "email", required: true)
                + PortalHtml.Field("password", texts.Format("login.password"), string.Empty, "password", required: true),
                texts.Format("login.submit"));
        return html.Page(context, texts, texts.Format("login.title"), body, null, status);
    }
}
