namespace IqTriageBot.Storage;

/// <summary>A Direct Line conversation as stored. <see cref="Started"/> is false while a token reserves the id.</summary>
public sealed record DirectLineConversation(
    string Id,
    string? UserId,
    string? Locale,
    DateTimeOffset CreatedUtc,
    bool Started,
    long LastSequence);

/// <summary>One activity of a conversation's history, as the JSON that clients receive.</summary>
public sealed record StoredActivity(string ConversationId, long Sequence, string Json);

/// <summary>An uploaded attachment; its id is an unguessable capability used in the contentUrl.</summary>
public sealed record StoredFile(string Id, string ConversationId, string ContentType, string? Name, byte[] Data);

/// <summary>The values the store assigns when it appends an activity: its sequence number and server timestamp.</summary>
public readonly record struct ActivityStamp(long Sequence, DateTimeOffset Timestamp);
