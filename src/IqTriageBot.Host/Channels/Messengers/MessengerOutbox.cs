using IqTriageBot.Host.Bot;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.Messengers;

/// <summary>What became of one platform call.</summary>
public enum SendOutcome
{
    Sent,

    /// <summary>The platform is down or asked to slow down: try again later.</summary>
    Retry,

    /// <summary>The platform refused the call for good (blocked bot, closed window, bad request): drop it.</summary>
    Rejected,
}

/// <summary>Makes one queued call against a messenger platform's API.</summary>
public interface IMessengerSender
{
    string ChannelId { get; }

    /// <summary>The outcome, and for <see cref="SendOutcome.Retry"/> optionally how long the platform asked to wait.</summary>
    Task<(SendOutcome Outcome, TimeSpan? RetryAfter)> SendAsync(string method, string payload, CancellationToken cancellationToken);
}

/// <summary>
/// Platform calls (replies, callback answers) go through a queue in SQLite: the webhook answers at once, and a
/// platform that is down only delays the replies. Calls of one conversation keep their order; a failed call
/// holds back the later ones of its conversation and is retried with growing pauses, for up to a day.
/// </summary>
public sealed class MessengerOutbox(IMessengerStore store, IEnumerable<IMessengerSender> senders, TimeProvider time, ILogger<MessengerOutbox> logger) : BackgroundService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IMessengerSender> _senders = senders.ToDictionary(s => s.ChannelId, StringComparer.Ordinal);

    /// <summary>Queues calls and wakes the sender.</summary>
    public async Task EnqueueAsync(string channelId, string conversationId, IReadOnlyList<(string Method, string Payload)> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return;
        }

        await store.EnqueueAsync(channelId, conversationId, calls, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _signal.Release();
    }

    /// <summary>Sends every call that is due now; returns how many were sent. One pass at a time.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = 0;
            var held = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in await store.PendingAsync(500, cancellationToken).ConfigureAwait(false))
            {
                var key = item.ChannelId + "/" + item.ConversationId;
                var now = time.GetUtcNow();
                if (held.Contains(key) || item.Next > now)
                {
                    held.Add(key);
                    continue;
                }

                if (!_senders.TryGetValue(item.ChannelId, out var sender))
                {
                    await store.CompleteAsync(item.Id, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var (outcome, retryAfter) = await sender.SendAsync(item.Method, item.Payload, cancellationToken).ConfigureAwait(false);
                switch (outcome)
                {
                    case SendOutcome.Sent:
                        sent++;
                        await store.CompleteAsync(item.Id, cancellationToken).ConfigureAwait(false);
                        break;
                    case SendOutcome.Rejected:
                        MessengerLog.CallRejected(logger, item.ChannelId, item.Method);
                        await store.CompleteAsync(item.Id, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        if (now - item.Created > GiveUpAfter)
                        {
                            MessengerLog.CallAbandoned(logger, item.ChannelId, item.Method, item.Attempts + 1);
                            await store.CompleteAsync(item.Id, cancellationToken).ConfigureAwait(false);
                            break;
                        }

                        var pause = retryAfter ?? Backoff(item.Attempts);
                        MessengerLog.CallDeferred(logger, item.ChannelId, item.Method, item.Attempts + 1, pause.TotalSeconds);
                        await store.RetryLaterAsync(item.Id, now + pause, cancellationToken).ConfigureAwait(false);
                        held.Add(key);
                        break;
                }
            }

            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>5 s, 10 s, 20 s … up to 10 minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxPause.TotalSeconds, 5 * Math.Pow(2, Math.Min(attempts, 12))));

    public override void Dispose()
    {
        _signal.Dispose();
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                if (now - lastPrune > TimeSpan.FromHours(1))
                {
                    // WhatsApp redelivers for up to about a week, Telegram for a day.
                    var pruned = await store.PruneSeenAsync(now.AddDays(-8), stoppingToken).ConfigureAwait(false);
                    MessengerLog.SeenPruned(logger, pruned);
                    lastPrune = now;
                }

                await _signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                MessengerLog.OutboxFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Deletes what the messenger channels keep for a conversation ("delete my data").</summary>
public sealed class MessengerDataHolder(IMessengerStore store) : IConversationDataHolder
{
    public Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        channelId is MessengerChannels.Telegram or MessengerChannels.WhatsApp
            ? store.EraseAsync(channelId, conversationId, cancellationToken)
            : Task.CompletedTask;
}

public static class MessengerChannels
{
    public const string Telegram = "telegram";
    public const string WhatsApp = "whatsapp";
}

internal static partial class MessengerLog
{
    [LoggerMessage(4200, LogLevel.Warning, "{ChannelId} refused {Method} for good; the call is dropped")]
    public static partial void CallRejected(ILogger logger, string channelId, string method);

    [LoggerMessage(4201, LogLevel.Error, "{ChannelId} {Method} still failing after {Attempts} attempts over a day; the call is dropped")]
    public static partial void CallAbandoned(ILogger logger, string channelId, string method, int attempts);

    [LoggerMessage(4202, LogLevel.Warning, "{ChannelId} {Method} failed (attempt {Attempts}); queued, next try in {Seconds} s")]
    public static partial void CallDeferred(ILogger logger, string channelId, string method, int attempts, double seconds);

    [LoggerMessage(4203, LogLevel.Debug, "Forgot {Count} processed messenger ids")]
    public static partial void SeenPruned(ILogger logger, int count);

    [LoggerMessage(4204, LogLevel.Error, "The messenger outbox pass failed; it runs again shortly")]
    public static partial void OutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(4205, LogLevel.Warning, "{ChannelId} webhook rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string channelId, string reason);

    [LoggerMessage(4206, LogLevel.Debug, "{ChannelId} redelivered an item already processed; ignored")]
    public static partial void Duplicate(ILogger logger, string channelId);

    [LoggerMessage(4207, LogLevel.Information, "WhatsApp proactive message skipped: the 24-hour window closed {Hours} h ago")]
    public static partial void WindowClosed(ILogger logger, double hours);

    [LoggerMessage(4208, LogLevel.Warning, "{ChannelId} API unreachable for {Method}")]
    public static partial void Unreachable(ILogger logger, string channelId, string method, Exception exception);

    [LoggerMessage(4209, LogLevel.Debug, "{ChannelId} {Method} answered {StatusCode}")]
    public static partial void ApiAnswered(ILogger logger, string channelId, string method, int statusCode);

    [LoggerMessage(4210, LogLevel.Information, "WhatsApp subscription verification {Outcome}")]
    public static partial void Verification(ILogger logger, string outcome);
}
