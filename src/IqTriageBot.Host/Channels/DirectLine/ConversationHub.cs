using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>A frame for a stream subscriber: a stored activity (with its sequence) or a transient one (typing).</summary>
public sealed record HubFrame(long? Sequence, string ActivityJson);

/// <summary>
/// Live delivery to the one WebSocket of each conversation. Stored history stays in the database; the hub
/// only carries what is new, and a subscriber replays the history itself before it listens.
/// </summary>
public sealed class ConversationHub
{
    private readonly ConcurrentDictionary<string, StreamSubscription> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Registers a new stream; an older stream of the same conversation is told to close (a "collision").</summary>
    public StreamSubscription Subscribe(string conversationId)
    {
        var subscription = new StreamSubscription();
        StreamSubscription? previous = null;
        _subscriptions.AddOrUpdate(
            conversationId,
            subscription,
            (_, existing) =>
            {
                previous = existing;
                return subscription;
            });
        previous?.Collide();
        return subscription;
    }

    public void Unsubscribe(string conversationId, StreamSubscription subscription) =>
        _subscriptions.TryRemove(new KeyValuePair<string, StreamSubscription>(conversationId, subscription));

    public void Publish(string conversationId, HubFrame frame)
    {
        if (_subscriptions.TryGetValue(conversationId, out var subscription))
        {
            subscription.Frames.Writer.TryWrite(frame);
        }
    }
}

public sealed class StreamSubscription
{
    public Channel<HubFrame> Frames { get; } = Channel.CreateUnbounded<HubFrame>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Cancelled when a newer stream for the same conversation replaced this one.</summary>
    public CancellationTokenSource Replaced { get; } = new();

    internal void Collide()
    {
        Frames.Writer.TryComplete();
        Replaced.Cancel();
    }
}
