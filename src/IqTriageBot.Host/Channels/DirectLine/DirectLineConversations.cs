using System.Security.Cryptography;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>
/// The server side of Direct Line conversations: reserve and start them, stamp and store what clients
/// post, hand it to the bot, and store and push the bot's replies.
/// </summary>
public sealed class DirectLineConversations(
    IDirectLineStore store,
    ConversationHub hub,
    TurnRunner bot,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    public const string ChannelId = "directline";
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public ChannelAccount BotAccount => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>Conversation ids are URL-safe: DirectLineJS puts them into URLs without encoding.</summary>
    public static string NewConversationId() => RandomNumberGenerator.GetString(IdAlphabet, 24);

    /// <summary>User ids starting with dl_ can only come from a token, never from a client.</summary>
    public static string NewUserId() => "dl_" + RandomNumberGenerator.GetString(IdAlphabet, 20);

    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    /// <summary>Reserves a conversation id for a token (tokens/generate); nothing is sent to the bot yet.</summary>
    public async Task<DirectLineConversation> ReserveAsync(string userId, CancellationToken cancellationToken)
    {
        var conversation = new DirectLineConversation(NewConversationId(), userId, null, time.GetUtcNow(), false, 0);
        await store.CreateConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    /// <summary>
    /// Starts a conversation, or returns the already started one (idempotent for a token). Returns true
    /// when this call started it; the bot then receives a conversationUpdate and may greet.
    /// </summary>
    public async Task<(DirectLineConversation Conversation, bool Started)> StartAsync(
        DirectLineCaller caller,
        string? requestedUserId,
        string? locale,
        CancellationToken cancellationToken)
    {
        DirectLineConversation? conversation;
        if (caller.IsSecret)
        {
            conversation = new DirectLineConversation(NewConversationId(), requestedUserId, locale, time.GetUtcNow(), false, 0);
            await store.CreateConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            conversation = await store.GetConversationAsync(caller.ConversationId!, cancellationToken).ConfigureAwait(false);
            if (conversation is null)
            {
                // A valid token whose conversation was deleted (data deletion, retention): start afresh under the same id.
                conversation = new DirectLineConversation(caller.ConversationId!, caller.UserId, locale, time.GetUtcNow(), false, 0);
                await store.CreateConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!await store.StartConversationAsync(conversation.Id, caller.UserId ?? requestedUserId, locale, cancellationToken).ConfigureAwait(false))
        {
            return (conversation, false);
        }

        var started = await store.GetConversationAsync(conversation.Id, cancellationToken).ConfigureAwait(false) ?? conversation;
        await AnnounceAsync(started, cancellationToken).ConfigureAwait(false);
        return (started, true);
    }

    public Task<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        store.GetConversationAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken) =>
        store.ReadAfterAsync(conversationId, watermark, maxCount, cancellationToken);

    /// <summary>
    /// Accepts an activity from the client: stamps it, stores and pushes it (Web Chat waits for this echo),
    /// then runs the bot's turn and delivers its replies. Returns the id given to the client's activity.
    /// </summary>
    public async Task<string> AcceptAsync(DirectLineConversation conversation, Activity activity, DirectLineCaller caller, CancellationToken cancellationToken)
    {
        activity.Id = null;
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Recipient = BotAccount;
        activity.ServiceUrl = null;
        activity.From ??= new ChannelAccount();
        if (caller.UserId is not null)
        {
            activity.From.Id = caller.UserId;
        }

        activity.From.Id ??= conversation.UserId;
        if (activity.Type == ActivityTypes.Typing)
        {
            // Transient (PROTOCOLS 3.3/3.4): echoed on the stream, where Web Chat waits for it, but never
            // stored, so polled history and sequence numbers stay free of it.
            activity.Id = $"{conversation.Id}|typing-{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
            activity.Timestamp = time.GetUtcNow();
            hub.Publish(conversation.Id, new HubFrame(null, ProtocolJson.Serialize(activity)));
            return activity.Id;
        }

        var echo = await AppendAsync(conversation.Id, activity, cancellationToken).ConfigureAwait(false);
        var replies = await bot.RunAsync(echo, cancellationToken).ConfigureAwait(false);
        foreach (var reply in replies)
        {
            await AppendAsync(conversation.Id, reply, cancellationToken).ConfigureAwait(false);
        }

        return echo.Id!;
    }

    /// <summary>Stores a bot activity in the conversation and pushes it to the open stream.</summary>
    public async Task<Activity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var stored = await store.AppendAsync(
            conversationId,
            time.GetUtcNow(),
            stamp =>
            {
                activity.Id = ActivityId(conversationId, stamp.Sequence);
                activity.Timestamp = stamp.Timestamp;
                return ProtocolJson.Serialize(activity);
            },
            cancellationToken).ConfigureAwait(false);
        hub.Publish(conversationId, new HubFrame(stored.Sequence, stored.Json));
        return activity;
    }

    private async Task AnnounceAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var user = conversation.UserId is null ? null : new ChannelAccount { Id = conversation.UserId, Role = "user" };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversation.Id },
            Recipient = BotAccount,
            From = user,
            Locale = conversation.Locale,
            Timestamp = time.GetUtcNow(),
            MembersAdded = user is null ? [BotAccount] : [BotAccount, user],
        };

        // conversationUpdate goes to the bot only, never into the client's history.
        var replies = await bot.RunAsync(update, cancellationToken).ConfigureAwait(false);
        foreach (var reply in replies)
        {
            await AppendAsync(conversation.Id, reply, cancellationToken).ConfigureAwait(false);
        }
    }
}
