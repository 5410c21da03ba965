using Microsoft.Extensions.FileProviders;

namespace IqTriageBot.Host.Hosting;

/// <summary>Serves Web Chat's browser bundle (from npm, copied beside the app at build time) at /lib/webchat.js.</summary>
public static class WebChatBundle
{
    public static IApplicationBuilder UseWebChatBundle(this IApplicationBuilder app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "webchat");
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                "Web Chat's bundle is missing beside the app; build the host (it runs 'npm ci' in src/IqTriageBot.Host).");
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/lib",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
    }
}
