using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Channels.DirectLine;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Bookings;

/// <summary>Messages the bot starts itself (reminders, cancellations by the centre), on the channel the person used.</summary>
public sealed class ProactiveMessages(DirectLineConversations directLine)
{
    /// <summary>Delivers the reply; false when the channel cannot be reached from here (then nothing is sent).</summary>
    public async Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        if (address.ChannelId != DirectLineConversations.ChannelId)
        {
            return false;
        }

        if (await directLine.GetAsync(address.ConversationId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        // The reply is addressed as if answering the person's last message, without pointing at one.
        var incoming = new Activity
        {
            Type = ActivityTypes.Event,
            ChannelId = address.ChannelId,
            Conversation = new ConversationAccount { Id = address.ConversationId },
            From = new ChannelAccount { Id = address.UserId, Role = "user" },
            Recipient = directLine.BotAccount,
        };
        await directLine.AppendAsync(address.ConversationId, TurnMapper.ToActivity(reply, incoming), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
