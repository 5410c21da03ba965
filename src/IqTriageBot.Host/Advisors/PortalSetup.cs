using IqTriageBot.Dialogs;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Advisors;

public static class PortalSetup
{
    private const string LanguageCookie = "iq.portal.lang";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddSingleton<IPortalStore, SqlitePortalStore>();
        services.AddSingleton<ICentreSettingsStore, SqliteCentreSettingsStore>();
        services.AddSingleton<IStatisticsStore, SqliteStatisticsStore>();
        services.AddSingleton<PortalAccounts>();
        services.AddSingleton<PortalHtml>();
        services.AddSingleton<IntakeDocuments>();
        services.AddSingleton<Statistics>();
        services.AddHostedService<CentreSettingsLoader>();
        // Sign-in cookies and form tokens stay valid across restarts: the keys live with the data, not in a home folder.
        services.AddDataProtection().SetApplicationName("IqTriageBot");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                Directory.CreateDirectory(Path.Combine(storage.Value.DataDirectory, "keys")), logging));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "iq.portal.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(PortalAccounts.Scheme).AddCookie(PortalAccounts.Scheme, options =>
        {
            options.Cookie.Name = "iq.portal";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/portal";
            options.LoginPath = "/portal/login";
            options.LogoutPath = "/portal/logout";
            options.AccessDeniedPath = "/portal/login";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization();
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder routes)
    {
        var portal = routes.MapGroup("/portal");
        PortalLogin.Map(portal);
        var signedIn = portal.MapGroup(string.Empty).RequireAuthorization();
        PortalBookings.Map(signedIn);
        PortalCentre.Map(signedIn);
        PortalAdministration.Map(signedIn);
        PortalOperations.Map(signedIn);
        PortalOutbox.Map(signedIn);
        return routes;
    }

    /// <summary>The portal's texts in the language the user picked (?lang=, remembered in a cookie), German by default.</summary>
    public static TextCatalog Texts(HttpContext context, DialogContent content)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (asked is "de" or "en")
        {
            context.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions { Path = "/portal", HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        }
        else
        {
            asked = context.Request.Cookies[LanguageCookie] ?? "de";
        }

        return content.Portal.TryGetValue(asked, out var catalog) ? catalog : content.Portal["de"];
    }

    /// <summary>Applies the centre settings made in the portal when the host starts.</summary>
    private sealed class CentreSettingsLoader(ICentreSettingsStore store, DialogContent content) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken) =>
            content.Data.Centres.Apply(await store.ReadAllAsync(cancellationToken).ConfigureAwait(false));

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
