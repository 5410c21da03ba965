using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.WhatsApp;

/// <summary>
/// Reminders into a WhatsApp conversation, only inside the 24-hour customer service window that each message of
/// the person opens. Outside it a free-form message would be refused (131047), so it is skipped and logged.
/// </summary>
public sealed class WhatsAppProactive(IOptions<WhatsAppOptions> options, IMessengerStore store, WhatsAppRenderer renderer, MessengerOutbox outbox, TimeProvider time, ILogger<WhatsAppProactive> logger) : IProactiveChannel
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public bool Serves(string channelId) => channelId == MessengerChannels.WhatsApp;

    public async Task<bool> SendAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await store.FindConversationAsync(MessengerChannels.WhatsApp, address.ConversationId, cancellationToken).ConfigureAwait(false) is not { } conversation)
        {
            return false;
        }

        var since = time.GetUtcNow() - conversation.LastInbound;
        if (since > Window)
        {
            MessengerLog.WindowClosed(logger, Math.Round((since - Window).TotalHours, 1));
            return false;
        }

        var calls = await renderer.RenderAsync(address.ConversationId, conversation.UserId ?? address.ConversationId, conversation.PhoneId ?? options.Value.PhoneNumberId!, [reply], cancellationToken).ConfigureAwait(false);
        await outbox.EnqueueAsync(MessengerChannels.WhatsApp, address.ConversationId, calls, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
