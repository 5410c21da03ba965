using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>Services of the Bot Connector channel: token checks, the bot's own token, the outbox, the address book.</summary>
public static class BotServiceSetup
{
    public static IServiceCollection AddBotServiceChannel(this IServiceCollection services)
    {
        services.AddOptions<BotServiceOptions>().BindConfiguration(BotServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(SigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<ConnectorReplies>(client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton<ConnectorOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectorOutbox>());
        services.AddSingleton<IConnectorAddressStore, SqliteConnectorAddressStore>();
        services.AddSingleton<ConnectorAddressBook>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectorAddressBook>());
        services.AddSingleton<IConversationDataHolder>(sp => sp.GetRequiredService<ConnectorAddressBook>());
        services.AddSingleton<IProactiveChannel, ConnectorProactive>();
        return services;
    }
}
