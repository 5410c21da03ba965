namespace IqTriageBot.Domain.Mail;

/// <summary>Where an outgoing mail stands: waiting for (another) attempt, delivered, or given up.</summary>
public enum MailStatus { Queued, Sent, Failed }

/// <summary>A file sent with a mail (the calendar invitation).</summary>
/// <param name="ContentType">The full MIME type with parameters, e.g. "text/calendar; method=REQUEST; charset=utf-8".</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A notification mail to a centre. <see cref="DeduplicationKey"/> names what it is about (for example the
/// booking and the event), so asking twice for the same notification queues it once. Channel and
/// conversation tie it to the person it is about, so "delete my data" removes it too.
/// </summary>
public sealed record OutgoingMail
{
    public required string DeduplicationKey { get; init; }

    /// <summary>What the mail is about, as a code ("booked", "cancelled").</summary>
    public required string Kind { get; init; }

    public required IReadOnlyList<string> Recipients { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public string? BookingReference { get; init; }

    /// <summary>The centre the mail concerns; the portal shows a centre its own mails only.</summary>
    public string? CentreId { get; init; }

    public string? ChannelId { get; init; }

    public string? ConversationId { get; init; }
}

/// <summary>A mail in the outbox with its delivery state. <see cref="LastError"/> never holds addresses or texts, only the kind of failure.</summary>
public sealed record OutboxEntry(
    string Id,
    OutgoingMail Mail,
    MailStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError);

/// <summary>When to try a failed mail again: exponential backoff from <see cref="FirstDelay"/>, capped at <see cref="MaxDelay"/>, at most <see cref="MaxAttempts"/> attempts.</summary>
public sealed record MailRetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>The time of the next attempt after <paramref name="attempts"/> failed ones, or null when the mail is given up.</summary>
    public DateTimeOffset? NextAttempt(int attempts, DateTimeOffset now)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
        return now + delay;
    }
}

/// <summary>
/// The persistent outbox: mails wait here until the SMTP server has taken them, so a restart or an outage of
/// the mail server loses none.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Queues the mail for delivery now; false (and nothing changes) when a mail with the same de-duplication key exists.</summary>
    Task<bool> EnqueueAsync(OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> queued mails that are due, counts the attempt and moves their next
    /// attempt <paramref name="lease"/> ahead, so a delivery cut short by a crash is tried again later.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; <paramref name="failure"/> names the kind of failure (no personal data); <paramref name="retryAt"/> null gives the mail up (status failed).</summary>
    Task MarkFailedAsync(string id, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    Task<OutboxEntry?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest mails of the given centres (all when null), newest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListRecentAsync(IReadOnlyCollection<string>? centreIds, int max, CancellationToken cancellationToken);

    /// <summary>Deletes every mail about a conversation ("delete my data"); returns how many.</summary>
    Task<int> DeleteForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes mails created before <paramref name="before"/> (retention); returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
