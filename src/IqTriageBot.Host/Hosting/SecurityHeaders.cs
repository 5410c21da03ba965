namespace IqTriageBot.Host.Hosting;

/// <summary>Headers every response carries; the chat page may be framed by any site (that is what /embed.js does).</summary>
public static class SecurityHeaders
{
    // Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only; scripts come from this host alone.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "media-src 'self' blob:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors *";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Permissions-Policy"] = "camera=(), geolocation=(), microphone=()";
            return next(context);
        });
}
