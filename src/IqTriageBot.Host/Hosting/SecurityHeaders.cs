namespace IqTriageBot.Host.Hosting;

/// <summary>Headers every response carries; the chat page may be framed by any site (that is what /embed.js does).</summary>
public static class SecurityHeaders
{
    // Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only; scripts come from this host alone.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "media-src 'self' blob:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors *";

    // The advisor portal shows personal data: never framed, never cached, no scripts at all.
    private const string PortalContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), geolocation=(), microphone=()";
            if (context.Request.Path.StartsWithSegments("/portal"))
            {
                headers.ContentSecurityPolicy = PortalContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
            }
            else
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return next(context);
        });
}
