using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Mail;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Bot;

/// <summary>
/// Deletes personal data once it is older than Triage:RetentionDays: bookings with their intake (counted from
/// the end of the appointment, or from when the person joined the waiting list), conversation states and
/// Direct Line histories (counted from the last message), and mails to the centres (counted from when they were queued). Statistics are anonymous counts and stay.
/// Runs at start and then every hour.
/// </summary>
public sealed partial class RetentionService(
    IBookingStore bookings,
    IStateStore states,
    IDirectLineStore directLine,
    IMailOutbox outbox,
    IOptions<TriageOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass; returns the number of bookings, states and conversations deleted.</summary>
    public async Task<(int Bookings, int States, int Conversations)> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var deleted = (
            await bookings.DeleteOlderThanAsync(before, cancellationToken).ConfigureAwait(false),
            await states.DeleteOlderThanAsync(before, cancellationToken).ConfigureAwait(false),
            await directLine.DeleteOlderThanAsync(before, cancellationToken).ConfigureAwait(false));
        if (deleted != (0, 0, 0))
        {
            Purged(logger, deleted.Item1, deleted.Item2, deleted.Item3, options.Value.RetentionDays);
        }

        var mails = await outbox.DeleteOlderThanAsync(before, cancellationToken).ConfigureAwait(false);
        if (mails > 0)
        {
            MailsPurged(logger, mails, options.Value.RetentionDays);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Bookings} bookings, {States} conversation states and {Conversations} Direct Line conversations older than {Days} days")]
    private static partial void Purged(ILogger logger, int bookings, int states, int conversations, int days);

    [LoggerMessage(4020, LogLevel.Information, "Retention: deleted {Mails} mails to centres older than {Days} days")]
    private static partial void MailsPurged(ILogger logger, int mails, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed; it runs again within the hour")]
    private static partial void Failed(ILogger logger, Exception exception);
}
