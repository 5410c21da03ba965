using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Channels.Telegram;
using IqTriageBot.Host.Channels.WhatsApp;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.Messengers;

public static class MessengerSetup
{
    /// <summary>Telegram and WhatsApp: stores, outbox, senders, renderers and proactive channels (each is off until its token is configured).</summary>
    public static IServiceCollection AddMessengers(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMessengerStore, SqliteMessengerStore>();
        services.AddSingleton<IConversationDataHolder, MessengerDataHolder>();
        services.AddSingleton<MessengerTurns>();
        services.AddSingleton<TelegramRenderer>();
        services.AddSingleton<WhatsAppRenderer>();

        // The Bot API has the token in its URLs: these clients write no request logs.
        services.AddHttpClient<TelegramApi>(client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddHttpClient<WhatsAppApi>(client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddTransient<IMessengerSender>(sp => sp.GetRequiredService<TelegramApi>());
        services.AddTransient<IMessengerSender>(sp => sp.GetRequiredService<WhatsAppApi>());
        services.AddSingleton<MessengerOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<MessengerOutbox>());
        services.AddSingleton<IProactiveChannel, TelegramProactive>();
        services.AddSingleton<IProactiveChannel, WhatsAppProactive>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessengers(this IEndpointRouteBuilder routes) => routes.MapTelegram().MapWhatsApp();
}
