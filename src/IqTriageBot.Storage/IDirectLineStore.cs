namespace IqTriageBot.Storage;

/// <summary>Persistence for self-hosted Direct Line: conversations, their ordered history and uploads.</summary>
public interface IDirectLineStore
{
    /// <summary>Creates the conversation; returns false when the id already exists.</summary>
    Task<bool> CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    Task<DirectLineConversation?> GetConversationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Marks a reserved conversation as started; returns false when it already was.</summary>
    Task<bool> StartConversationAsync(string id, string? userId, string? locale, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity with the next sequence number and a timestamp that is never earlier than
    /// <paramref name="now"/> and always later than the previous activity's; <paramref name="render"/>
    /// turns that stamp into the stored JSON.
    /// </summary>
    Task<StoredActivity> AppendAsync(
        string conversationId,
        DateTimeOffset now,
        Func<ActivityStamp, string> render,
        CancellationToken cancellationToken);

    /// <summary>Activities with a sequence number greater than <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(
        string conversationId,
        long afterSequence,
        int maxCount,
        CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the stored activities and files of a conversation ("delete my data"). The conversation itself
    /// stays, and its sequence numbers go on from where they were, so connected clients keep working.
    /// </summary>
    Task EraseHistoryAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes whole conversations (with history and files) whose last activity, or creation when they have
    /// none, is before <paramref name="before"/> (retention); returns how many conversations.
    /// </summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);

    Task SaveFileAsync(StoredFile file, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredFile?> GetFileAsync(string id, CancellationToken cancellationToken);
}
