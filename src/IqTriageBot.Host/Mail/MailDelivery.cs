using IqTriageBot.Domain.Mail;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Mail;

/// <summary>
/// Delivers the outbox: at start (mails left from before a restart), whenever a mail is queued, and every
/// Smtp:ScanSeconds for retries. A failed attempt is tried again with exponential backoff up to
/// Smtp:MaxAttempts; then the mail is kept as failed for the portal. Without an SMTP host nothing is sent and
/// mails wait in the outbox.
/// </summary>
public sealed partial class MailDelivery(
    IMailOutbox outbox,
    IMailSender sender,
    IOptions<SmtpOptions> options,
    TimeProvider time,
    ILogger<MailDelivery> logger) : BackgroundService
{
    /// <summary>How long a claimed mail is held for one attempt before another pass may take it again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int Batch = 20;

    private readonly SemaphoreSlim _wake = new(0, 1);

    public MailRetryPolicy Policy { get; } = new(
        TimeSpan.FromSeconds(options.Value.RetryFirstSeconds), TimeSpan.FromSeconds(options.Value.RetryMaxSeconds), options.Value.MaxAttempts);

    /// <summary>Asks for a delivery pass now (a mail was queued).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already asked for.
        }
    }

    /// <summary>One pass: sends the due mails; returns how many the server accepted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        var sent = 0;
        while (true)
        {
            var due = await outbox.ClaimDueAsync(time.GetUtcNow(), Batch, Lease, cancellationToken).ConfigureAwait(false);
            foreach (var entry in due)
            {
                if (await DeliverAsync(entry, cancellationToken).ConfigureAwait(false))
                {
                    sent++;
                }
            }

            if (due.Count < Batch)
            {
                return sent;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            NotConfigured(logger);
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.ScanSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                PassFailed(logger, exception.GetType().Name);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = _wake.WaitAsync(wait.Token);
            var ticked = Task.Delay(interval, time, wait.Token);
            await Task.WhenAny(woken, ticked).ConfigureAwait(false);
            // Cancelling the other wait never consumes a wake-up: a release after this still finds the semaphore.
            await wait.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Mail.Recipients.Count == 0)
        {
            await outbox.MarkFailedAsync(entry.Id, "no recipient address for the centre", null, cancellationToken).ConfigureAwait(false);
            NoRecipient(logger, entry.Id, entry.Mail.CentreId ?? "-");
            return false;
        }

        try
        {
            await sender.SendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = MailKitSender.Describe(exception);
            var retryAt = Policy.NextAttempt(entry.Attempts, time.GetUtcNow());
            await outbox.MarkFailedAsync(entry.Id, failure, retryAt, cancellationToken).ConfigureAwait(false);
            if (retryAt is null)
            {
                GaveUp(logger, entry.Id, entry.Attempts, failure);
            }
            else
            {
                WillRetry(logger, entry.Id, entry.Attempts, failure, retryAt.Value);
            }

            return false;
        }

        await outbox.MarkSentAsync(entry.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Sent(logger, entry.Id, entry.Mail.Kind, entry.Mail.Recipients.Count, entry.Attempts);
        return true;
    }

    [LoggerMessage(4000, LogLevel.Information, "Mail {MailId} ({Kind}) sent to {Recipients} recipients at attempt {Attempt}")]
    private static partial void Sent(ILogger logger, string mailId, string kind, int recipients, int attempt);

    [LoggerMessage(4001, LogLevel.Warning, "Mail {MailId} not sent at attempt {Attempt}: {Failure}; next attempt at {RetryAt}")]
    private static partial void WillRetry(ILogger logger, string mailId, int attempt, string failure, DateTimeOffset retryAt);

    [LoggerMessage(4002, LogLevel.Error, "Mail {MailId} given up after {Attempts} attempts: {Failure}")]
    private static partial void GaveUp(ILogger logger, string mailId, int attempts, string failure);

    [LoggerMessage(4003, LogLevel.Warning, "Mail {MailId} not sent: no recipient address for centre {CentreId} (set Smtp:CentreRecipients or Smtp:FallbackRecipient)")]
    private static partial void NoRecipient(ILogger logger, string mailId, string centreId);

    [LoggerMessage(4004, LogLevel.Warning, "No SMTP host configured (Smtp:Host): mails to the centres are kept in the outbox and not sent")]
    private static partial void NotConfigured(ILogger logger);

    [LoggerMessage(4005, LogLevel.Error, "Mail delivery pass failed ({Failure}); it runs again at the next scan")]
    private static partial void PassFailed(ILogger logger, string failure);
}
