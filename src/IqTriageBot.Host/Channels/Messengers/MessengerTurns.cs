using IqTriageBot.Dialogs;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.Messengers;

/// <summary>One inbound message from a messenger, reduced to what a turn needs.</summary>
/// <param name="Text">What the person wrote or the value of the button they pressed; null for a conversation start.</param>
/// <param name="Locale">The platform's language hint, if any.</param>
public sealed record MessengerInbound(string ChannelId, string ConversationId, string? UserId, string? PhoneId, string? Text, string? Locale);

/// <summary>
/// Runs a turn for a messenger message through the common <see cref="TurnRunner"/>, like every other channel:
/// the conversation is keyed by channel id and conversation id, so bookings, cancel and reschedule by reference
/// and reminders work the same.
/// </summary>
public sealed class MessengerTurns(TurnRunner runner, IMessengerStore store, TimeProvider time)
{
    public const string BotAccountId = "iqtriagebot";

    public async Task<IReadOnlyList<Reply>> RunAsync(MessengerInbound inbound, CancellationToken cancellationToken)
    {
        await store.SaveConversationAsync(
            new MessengerConversation(inbound.ChannelId, inbound.ConversationId, inbound.UserId, inbound.PhoneId, inbound.Locale, time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);

        var user = new ChannelAccount { Id = inbound.UserId ?? inbound.ConversationId, Role = "user" };
        var bot = new ChannelAccount { Id = BotAccountId, Role = "bot" };
        var activity = new Activity
        {
            Type = inbound.Text is null ? ActivityTypes.ConversationUpdate : ActivityTypes.Message,
            ChannelId = inbound.ChannelId,
            Conversation = new ConversationAccount { Id = inbound.ConversationId },
            From = user,
            Recipient = bot,
            Locale = inbound.Locale,
            Text = inbound.Text,
            MembersAdded = inbound.Text is null ? [user] : null,
        };
        return await runner.RunForRepliesAsync(activity, cancellationToken).ConfigureAwait(false);
    }
}
