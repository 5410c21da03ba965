using System.Net.Http.Json;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// Sends replies to a channel's Conversations API, in order, one at a time. Used unauthenticated only
/// for loopback callers without an app id (the Emulator); the activity ids in the path are URL-encoded
/// because Direct Line ids contain '|'.
/// </summary>
public sealed class ConnectorReplies(HttpClient http, ILogger<ConnectorReplies> logger)
{
    public async Task SendAsync(string serviceUrl, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var baseUrl = serviceUrl.TrimEnd('/');
        foreach (var reply in replies)
        {
            var conversation = Uri.EscapeDataString(reply.Conversation?.Id ?? string.Empty);
            var path = reply.ReplyToId is { } replyTo
                ? $"{baseUrl}/v3/conversations/{conversation}/activities/{Uri.EscapeDataString(replyTo)}"
                : $"{baseUrl}/v3/conversations/{conversation}/activities";
            try
            {
                using var response = await http.PostAsJsonAsync(path, reply, ProtocolJson.Options, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    BotServiceLog.ReplyFailed(logger, (int)response.StatusCode);
                    return;
                }
            }
            catch (HttpRequestException exception)
            {
                BotServiceLog.ReplyUnreachable(logger, exception);
                return;
            }
        }
    }
}

internal static partial class BotServiceLog
{
    [LoggerMessage(3000, LogLevel.Warning, "Rejected an unauthenticated /api/messages call (app id configured or caller not on loopback)")]
    public static partial void Rejected(ILogger logger);

    [LoggerMessage(3001, LogLevel.Warning, "The channel answered {StatusCode} to a reply; remaining replies of the turn dropped")]
    public static partial void ReplyFailed(ILogger logger, int statusCode);

    [LoggerMessage(3002, LogLevel.Warning, "The channel's serviceUrl could not be reached")]
    public static partial void ReplyUnreachable(ILogger logger, Exception exception);
}
