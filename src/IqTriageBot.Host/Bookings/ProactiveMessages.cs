using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;

namespace IqTriageBot.Host.Bookings;

/// <summary>One channel the bot can write to without being asked (Direct Line, the Bot Connector, a messenger).</summary>
public interface IProactiveChannel
{
    /// <summary>True when this channel serves conversations with this channel id.</summary>
    bool Serves(string channelId);

    /// <summary>Delivers the reply; false when the conversation cannot be reached (then nothing is sent).</summary>
    Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken);
}

/// <summary>Messages the bot starts itself (reminders, cancellations by the centre), on the channel the person used.</summary>
public sealed class ProactiveMessages(IEnumerable<IProactiveChannel> channels)
{
    /// <summary>Delivers the reply; false when the channel cannot be reached from here (then nothing is sent).</summary>
    public async Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        // A channel id may be served natively and through the Bot Connector (Telegram, for one): the first
        // channel that knows the conversation delivers.
        foreach (var channel in channels)
        {
            if (channel.Serves(address.ChannelId) && await channel.SendAsync(address, reply, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }
}
