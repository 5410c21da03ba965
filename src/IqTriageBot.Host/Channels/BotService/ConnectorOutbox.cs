using System.Threading.Channels;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// Replies and typing indicators waiting to go to the Connector. /api/messages answers 200 as soon as the
/// turn is done and leaves the sending, with its retries, to this queue, so a slow or throttling channel
/// never makes the Connector time out and redeliver. One sender, first in first out: the replies of a
/// conversation arrive in the order the bot wrote them.
/// </summary>
public sealed class ConnectorOutbox(ConnectorReplies connector, ILogger<ConnectorOutbox> logger) : BackgroundService
{
    private readonly Channel<(string ServiceUrl, Activity Activity)> _queue = Channel.CreateUnbounded<(string, Activity)>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    /// <summary>Activities queued or being sent.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(string serviceUrl, Activity activity)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite((serviceUrl, activity)))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>Completes once everything queued so far has been sent or given up on.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var skipTurn = (string?)null;
        await foreach (var (serviceUrl, activity) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                // After a reply the channel would not take, the rest of that turn's replies would read out of order.
                var turn = activity.ReplyToId is { } replyTo ? activity.Conversation?.Id + "\n" + replyTo : null;
                if (turn is not null && turn == skipTurn)
                {
                    BotServiceLog.ReplyDropped(logger);
                    continue;
                }

                var sent = await connector.SendAsync(serviceUrl, activity, stoppingToken).ConfigureAwait(false);
                skipTurn = sent || activity.Type == ActivityTypes.Typing ? null : turn;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                BotServiceLog.OutboxFailed(logger, exception);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }
}
