using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>Reminders and other messages the bot starts, into a Telegram chat the person has written in.</summary>
public sealed class TelegramProactive(IOptions<TelegramOptions> options, IMessengerStore store, TelegramRenderer renderer, MessengerOutbox outbox) : IProactiveChannel
{
    public bool Serves(string channelId) => channelId == MessengerChannels.Telegram;

    public async Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await store.FindConversationAsync(MessengerChannels.Telegram, address.ConversationId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var calls = await renderer.RenderAsync(address.ConversationId, [reply], cancellationToken).ConfigureAwait(false);
        await outbox.EnqueueAsync(MessengerChannels.Telegram, address.ConversationId, calls, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
