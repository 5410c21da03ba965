namespace IqTriageBot.Host.Bot;

/// <summary>Turn logging. Event ids 1000-1099. Never answers, names or contact details: only ids and codes.</summary>
internal static partial class BotLog
{
    [LoggerMessage(1000, LogLevel.Debug, "Turn on {ChannelId} finished at node {Node} with {ReplyCount} replies in {ElapsedMs:F1} ms")]
    public static partial void TurnCompleted(ILogger logger, string channelId, string node, int replyCount, double elapsedMs);

    [LoggerMessage(1001, LogLevel.Error, "Turn on {ChannelId} failed at node {Node}; the last saved state is kept and an apology sent")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string channelId, string node);

    [LoggerMessage(1002, LogLevel.Information, "Personal data of a conversation on {ChannelId} erased on request")]
    public static partial void DataErased(ILogger logger, string channelId);
}
