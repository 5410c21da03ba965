using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IqTriageBot.Host.Channels.Messengers;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.WhatsApp;

/// <summary>
/// Sends messages: POST {GraphBaseUrl}/{version}/{phone-number-id}/messages with the bearer token. The queued
/// method is the phone number id. Errors come as {"error":{"code":…}}: rate limits (130429, 131056) and 5xx are
/// tried again, the rest (131047, the closed 24-hour window, among them) are not.
/// </summary>
public sealed class WhatsAppApi(HttpClient http, IOptions<WhatsAppOptions> options, ILogger<WhatsAppApi> logger) : IMessengerSender
{
    private static readonly HashSet<int> RateLimits = [4, 80007, 130429, 131056];

    public string ChannelId => MessengerChannels.WhatsApp;

    public async Task<(SendOutcome Outcome, TimeSpan? RetryAfter)> SendAsync(string method, string payload, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = $"{settings.GraphBaseUrl.TrimEnd('/')}/{settings.GraphVersion}/{Uri.EscapeDataString(method)}/messages";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            MessengerLog.ApiAnswered(logger, ChannelId, "messages", (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return (SendOutcome.Sent, null);
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (SendOutcome.Retry, response.Headers.RetryAfter?.Delta);
            }

            var code = 0;
            try
            {
                code = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))?["error"]?["code"]?.GetValue<int>() ?? 0;
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
            {
            }

            return RateLimits.Contains(code) ? (SendOutcome.Retry, null) : (SendOutcome.Rejected, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            MessengerLog.Unreachable(logger, ChannelId, "messages", exception);
            return (SendOutcome.Retry, null);
        }
    }
}
