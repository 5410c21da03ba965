using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IqTriageBot.Host.Protocol;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// Sends activities to a channel's Conversations API: reply-to-activity when the activity answers one,
/// send-to-conversation otherwise; ids in the path URL-encoded (Direct Line ids contain '|', Teams ids ':'
/// and '@'). With credentials configured each call carries the bot's bearer token. 429 and 5xx are tried
/// again a bounded number of times, after the Retry-After the channel asks for or an exponential back-off.
/// </summary>
public sealed class ConnectorReplies(HttpClient http, ConnectorTokens tokens, IOptions<BotServiceOptions> options, ILogger<ConnectorReplies> logger)
{
    /// <summary>The path an activity is posted to.</summary>
    public static string PathFor(string serviceUrl, Activity activity)
    {
        var baseUrl = serviceUrl.TrimEnd('/');
        var conversation = Uri.EscapeDataString(activity.Conversation?.Id ?? string.Empty);
        return activity.ReplyToId is { Length: > 0 } replyTo
            ? $"{baseUrl}/v3/conversations/{conversation}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"{baseUrl}/v3/conversations/{conversation}/activities";
    }

    /// <summary>Sends the replies in order; stops at the first one the channel does not take.</summary>
    public async Task<bool> SendAsync(string serviceUrl, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            if (!await SendAsync(serviceUrl, reply, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sends one activity; true once the channel accepted it.</summary>
    public async Task<bool> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var path = PathFor(serviceUrl, activity);
        var refreshedToken = false;
        var attempt = 0;
        while (true)
        {
            attempt++;
            var (outcome, wait) = await AttemptAsync(path, activity, attempt, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Delivered:
                    return true;
                case Outcome.Refused:
                    return false;
                case Outcome.TokenRefused when !refreshedToken:
                    // A token revoked or rotated early: fetch a new one, once, without counting the attempt.
                    tokens.Invalidate();
                    refreshedToken = true;
                    attempt--;
                    continue;
                case Outcome.TokenRefused:
                    return false;
            }

            if (attempt >= settings.SendAttempts)
            {
                BotServiceLog.SendGaveUp(logger, attempt);
                return false;
            }

            var backOff = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + (Random.Shared.NextDouble() * 0.4)));
            var delay = wait ?? backOff;
            var max = TimeSpan.FromSeconds(settings.MaxRetryDelaySeconds);
            await Task.Delay(delay > max ? max : delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private enum Outcome
    {
        Delivered,
        Refused,
        TokenRefused,
        TryAgain,
    }

    private async Task<(Outcome Outcome, TimeSpan? Wait)> AttemptAsync(string path, Activity activity, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(activity, options: ProtocolJson.Options) };
            if (await tokens.GetAsync(cancellationToken).ConfigureAwait(false) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else if (tokens.Configured)
            {
                // Credentials are configured but Entra ID gave no token now: never send unauthenticated, try later.
                return (Outcome.TryAgain, null);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (Outcome.Delivered, null);
            }

            var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
            BotServiceLog.SendFailed(logger, (int)response.StatusCode, attempt, correlation ?? "-");
            if (response.StatusCode == HttpStatusCode.Unauthorized && tokens.Configured)
            {
                return (Outcome.TokenRefused, null);
            }

            return Retryable(response.StatusCode)
                ? (Outcome.TryAgain, RetryAfter(response, DateTimeOffset.UtcNow))
                : (Outcome.Refused, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            BotServiceLog.SendUnreachable(logger, attempt, exception);
            return (Outcome.TryAgain, null);
        }
    }

    /// <summary>429 (throttled) and the server errors that a later attempt may not meet.</summary>
    public static bool Retryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the answer asks for: retry-after-ms, x-ms-retry-after-ms, or Retry-After in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }
}
