using IqTriageBot.Domain.Mail;
using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Mail;

/// <summary>The SQLite outbox and the retry policy on their own.</summary>
public sealed class MailOutboxTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    private readonly TempDirectory _data = new();
    private SqliteDatabase _database = null!;
    private SqliteMailOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase($"Data Source={Path.Combine(_data.Path, "outbox.db")}");
        await _database.MigrateAsync(CancellationToken.None);
        _outbox = new SqliteMailOutbox(_database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _database.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_and_gives_up_after_the_last_attempt()
    {
        var policy = new MailRetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 6);

        var waits = Enumerable.Range(1, 6).Select(attempt => policy.NextAttempt(attempt, Now) - Now).ToList();

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromMinutes(5), null], waits);
    }

    [Fact]
    public async Task Enqueue_is_idempotent_claims_count_attempts_and_a_given_up_mail_is_failed()
    {
        Assert.True(await _outbox.EnqueueAsync(Mail("booked/1"), Now, CancellationToken.None));
        Assert.False(await _outbox.EnqueueAsync(Mail("booked/1") with { Subject = "other" }, Now, CancellationToken.None));

        var claimed = Assert.Single(await _outbox.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal("Betreff", claimed.Mail.Subject);
        Assert.Equal([1, 2, 3], claimed.Mail.Attachments.Single().Content);

        // Claimed: not handed out again while the attempt runs.
        Assert.Empty(await _outbox.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(5), CancellationToken.None));

        await _outbox.MarkFailedAsync(claimed.Id, "connection failed (ConnectionRefused)", Now.AddSeconds(30), CancellationToken.None);
        Assert.Empty(await _outbox.ClaimDueAsync(Now.AddSeconds(29), 10, TimeSpan.FromMinutes(5), CancellationToken.None));
        var again = Assert.Single(await _outbox.ClaimDueAsync(Now.AddSeconds(30), 10, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(2, again.Attempts);

        await _outbox.MarkFailedAsync(again.Id, "SMTP 550 (MailboxUnavailable)", null, CancellationToken.None);
        var failed = (await _outbox.FindAsync(again.Id, CancellationToken.None))!;
        Assert.Equal(MailStatus.Failed, failed.Status);
        Assert.Null(failed.NextAttemptAt);
        Assert.Equal("SMTP 550 (MailboxUnavailable)", failed.LastError);
        Assert.Empty(await _outbox.ClaimDueAsync(Now.AddDays(1), 10, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Lists_by_centre_and_deletes_by_conversation_and_age()
    {
        await _outbox.EnqueueAsync(Mail("a") with { CentreId = "c1", ConversationId = "conv-1" }, Now, CancellationToken.None);
        await _outbox.EnqueueAsync(Mail("b") with { CentreId = "c2", ConversationId = "conv-2" }, Now.AddDays(10), CancellationToken.None);

        Assert.Equal(["a"], (await _outbox.ListRecentAsync(["c1"], 10, CancellationToken.None)).Select(e => e.Mail.DeduplicationKey));
        Assert.Equal(["b", "a"], (await _outbox.ListRecentAsync(null, 10, CancellationToken.None)).Select(e => e.Mail.DeduplicationKey));
        Assert.Empty(await _outbox.ListRecentAsync([], 10, CancellationToken.None));

        Assert.Equal(1, await _outbox.DeleteForConversationAsync("directline", "conv-1", CancellationToken.None));
        Assert.Equal(0, await _outbox.DeleteOlderThanAsync(Now.AddDays(10), CancellationToken.None));
        Assert.Equal(1, await _outbox.DeleteOlderThanAsync(Now.AddDays(11), CancellationToken.None));
        Assert.Empty(await _outbox.ListRecentAsync(null, 10, CancellationToken.None));
    }

    private static OutgoingMail Mail(string key) => new()
    {
        DeduplicationKey = key,
        Kind = "booked",
        Recipients = ["centre@test.example"],
        Subject = "Betreff",
        TextBody = "Text",
        HtmlBody = "<p>Text</p>",
        Attachments = [new MailAttachment("termin.ics", "text/calendar; method=REQUEST; charset=utf-8", [1, 2, 3])],
        BookingReference = "ABC234",
        CentreId = "c1",
        ChannelId = "directline",
        ConversationId = "conv",
    };
}
