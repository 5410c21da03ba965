using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IqTriageBot.Host.Channels.Messengers;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>
/// Calls the Bot API: POST {ApiBaseUrl}/bot{token}/{method} with a JSON body, answered by {"ok":…,"result":…}
/// or {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}. The token is part of the
/// URL, so this client writes no request logs.
/// </summary>
public sealed class TelegramApi(HttpClient http, IOptions<TelegramOptions> options, ILogger<TelegramApi> logger) : IMessengerSender
{
    public string ChannelId => MessengerChannels.Telegram;

    /// <summary>Calls a method; the parsed answer, or null when the server could not be reached.</summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)?> CallAsync(string method, string payload, CancellationToken cancellationToken)
    {
        var url = $"{options.Value.ApiBaseUrl.TrimEnd('/')}/bot{options.Value.BotToken}/{method}";
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            MessengerLog.ApiAnswered(logger, ChannelId, method, (int)response.StatusCode);
            JsonObject? body = null;
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
            }

            return (response.StatusCode, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            MessengerLog.Unreachable(logger, ChannelId, method, exception);
            return null;
        }
    }

    public async Task<(SendOutcome Outcome, TimeSpan? RetryAfter)> SendAsync(string method, string payload, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(method, payload, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return (SendOutcome.Retry, null);
        }

        var (status, body) = answer.Value;

        if (status == HttpStatusCode.OK && body?["ok"]?.GetValueKind() == JsonValueKind.True)
        {
            return (SendOutcome.Sent, null);
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            var seconds = body?["parameters"]?["retry_after"]?.GetValue<int>();
            return (SendOutcome.Retry, seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null);
        }

        // 5xx and other surprises are worth another try; 4xx (blocked, chat not found, bad request) are not.
        return (int)status >= 500 || status == HttpStatusCode.OK ? (SendOutcome.Retry, null) : (SendOutcome.Rejected, null);
    }
}
