using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Proactive messages into a Direct Line conversation: appended to its history, pushed to open streams.</summary>
public sealed class DirectLineProactive(DirectLineConversations directLine) : IProactiveChannel
{
    public bool Serves(string channelId) => channelId == DirectLineConversations.ChannelId;

    public async Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
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
