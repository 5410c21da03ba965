using IqTriageBot.Domain.Bookings;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Bot;

/// <summary>"Delete my data": everything stored for one conversation, in every store that holds some of it.</summary>
public sealed class PersonalDataEraser(IStateStore states, IDirectLineStore directLine, IBookingStore bookings)
{
    public async Task EraseAsync(string? channelId, string conversationId, CancellationToken cancellationToken)
    {
        await states.DeleteAsync(TurnRunner.StateKey(channelId, conversationId), cancellationToken).ConfigureAwait(false);
        await bookings.DeleteForConversationAsync(channelId ?? "unknown", conversationId, cancellationToken).ConfigureAwait(false);
        if (channelId is "directline" or "webchat")
        {
            await directLine.EraseHistoryAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
