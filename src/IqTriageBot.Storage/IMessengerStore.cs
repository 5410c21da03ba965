namespace IqTriageBot.Storage;

/// <summary>A messenger conversation: whom to write to and when the person last wrote (WhatsApp's 24-hour window).</summary>
/// <param name="UserId">The platform's user id (Telegram user id; WhatsApp wa_id, or the business-scoped id when no phone number is given).</param>
/// <param name="PhoneId">WhatsApp only: the business phone number id that received the message.</param>
/// <param name="LanguageHint">The language the platform reports for the person (Telegram language_code).</param>
public sealed record MessengerConversation(string ChannelId, string ConversationId, string? UserId, string? PhoneId, string? LanguageHint, DateTimeOffset LastInbound);

/// <summary>A platform call waiting in the outbox.</summary>
public sealed record OutboxItem(long Id, string ChannelId, string ConversationId, string Method, string Payload, int Attempts, DateTimeOffset Next, DateTimeOffset Created);

/// <summary>What the messenger channels keep between webhook calls.</summary>
public interface IMessengerStore
{
    /// <summary>Records an update or message id as processed; false when it was seen before (a redelivery).</summary>
    Task<bool> TryMarkSeenAsync(string channelId, string itemId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets processed ids older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneSeenAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Creates or updates the conversation after an inbound message.</summary>
    Task SaveConversationAsync(MessengerConversation conversation, CancellationToken cancellationToken);

    Task<MessengerConversation?> FindConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Keeps the value behind a button's short token (callback data and interactive ids have length limits).</summary>
    Task SaveButtonAsync(string channelId, string conversationId, string token, string value, DateTimeOffset now, CancellationToken cancellationToken);

    Task<string?> FindButtonAsync(string channelId, string conversationId, string token, CancellationToken cancellationToken);

    /// <summary>Queues platform calls in order.</summary>
    Task EnqueueAsync(string channelId, string conversationId, IReadOnlyList<(string Method, string Payload)> calls, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The oldest queued calls, all conversations.</summary>
    Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken);

    Task CompleteAsync(long id, CancellationToken cancellationToken);

    Task RetryLaterAsync(long id, DateTimeOffset nextAttempt, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation, its buttons and its queued calls.</summary>
    Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
