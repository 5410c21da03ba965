using IqTriageBot.Domain.Bookings;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Bot;

/// <summary>A store outside the core ones that keeps personal data of a conversation (a channel's address book, the mail outbox).</summary>
public interface IConversationDataHolder
{
    /// <summary>Deletes what this holder keeps for the conversation.</summary>
    Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

/// <summary>"Delete my data": everything stored for one conversation, in every store that holds some of it.</summary>
public sealed class PersonalDataEraser(IStateStore states, IDirectLineStore directLine, IBookingStore bookings, IEnumerable<IConversationDataHolder> holders)
{
    public async Task EraseAsync(string? channelId, string conversationId, CancellationToken cancellationToken)
    {
        var channel = channelId ?? "unknown";
        foreach (var holder in holders)
        {
            await holder.EraseAsync(channel, conversationId, cancellationToken).ConfigureAwait(false);
        }

        await states.DeleteAsync(TurnRunner.StateKey(channelId, conversationId), cancellationToken).ConfigureAwait(false);
        await bookings.DeleteForConversationAsync(channel, conversationId, cancellationToken).ConfigureAwait(false);
        if (channelId is "directline" or "webchat")
        {
            await directLine.EraseHistoryAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
