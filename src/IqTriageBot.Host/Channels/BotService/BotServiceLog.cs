namespace IqTriageBot.Host.Channels.BotService;

internal static partial class BotServiceLog
{
    [LoggerMessage(3000, LogLevel.Warning, "Rejected an unauthenticated /api/messages call (app id configured or caller not on loopback)")]
    public static partial void Rejected(ILogger logger);

    [LoggerMessage(3001, LogLevel.Warning, "The channel answered {StatusCode} to attempt {Attempt} (operation {CorrelationId})")]
    public static partial void SendFailed(ILogger logger, int statusCode, int attempt, string correlationId);

    [LoggerMessage(3002, LogLevel.Warning, "The channel's serviceUrl could not be reached (attempt {Attempt})")]
    public static partial void SendUnreachable(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "Rejected a /api/messages call on channel {ChannelId}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string channelId, string reason);

    [LoggerMessage(3004, LogLevel.Information, "Fetched {Count} signing keys")]
    public static partial void KeysFetched(ILogger logger, int count);

    [LoggerMessage(3005, LogLevel.Warning, "Signing keys could not be fetched; the keys known so far stay in use")]
    public static partial void KeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(3006, LogLevel.Error, "Entra ID refused the bot's client-credentials request with {StatusCode}; check Bot:MicrosoftAppId, Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId")]
    public static partial void TokenRefused(ILogger logger, int statusCode);

    [LoggerMessage(3007, LogLevel.Warning, "Entra ID could not be reached for the bot's access token")]
    public static partial void TokenUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(3008, LogLevel.Warning, "Gave up sending an activity to the channel after {Attempts} attempts")]
    public static partial void SendGaveUp(ILogger logger, int attempts);

    [LoggerMessage(3009, LogLevel.Warning, "Dropped a reply: an earlier reply of the same turn was not delivered")]
    public static partial void ReplyDropped(ILogger logger);

    [LoggerMessage(3010, LogLevel.Error, "Sending a queued activity failed")]
    public static partial void OutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(3011, LogLevel.Information, "Proactive message not sent: no Connector address stored for the conversation on channel {ChannelId}")]
    public static partial void NoAddress(ILogger logger, string channelId);
}
