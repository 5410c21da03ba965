using IqTriageBot.Host.Hosting;
using IqTriageBot.Domain.Bookings;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Bookings;

/// <summary>
/// Sends each booked person a reminder the day before, in their language, on the channel they booked on
/// (not for appointments booked less than a day ahead).
/// Runs every few seconds or minutes; a reminder is marked sent once delivered or once its channel cannot
/// take proactive messages (logged, never an error).
/// </summary>
public sealed partial class ReminderService(
    IBookingStore store,
    ProactiveMessages messages,
    Translation.ConversationTranslation translation,
    IOptions<BookingOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger) : BackgroundService
{
    /// <summary>Sends the reminders due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await store.DueRemindersAsync(now, now.AddHours(options.Value.ReminderHoursBefore), cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var booking in due)
        {
            // Booked within the reminder window: the confirmation is fresh, a reminder would only repeat it.
            if (booking.CreatedAt > booking.Start!.Value.AddHours(-options.Value.ReminderHoursBefore))
            {
                await store.MarkReminderSentAsync(booking.Reference, now, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var engine = await translation.EngineForAsync(booking.Address.Language, cancellationToken).ConfigureAwait(false);
            var delivered = await messages.SendAsync(booking.Address, engine.Reminder(booking), cancellationToken).ConfigureAwait(false);
            if (delivered)
            {
                sent++;
            }
            else
            {
                ReminderSkipped(logger, booking.Address.ChannelId);
            }

            await store.MarkReminderSentAsync(booking.Reference, now, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReminderScanSeconds), time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ReminderFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1200, LogLevel.Information, "Reminder not delivered: channel {ChannelId} takes no proactive messages here")]
    private static partial void ReminderSkipped(ILogger logger, string channelId);

    [LoggerMessage(1201, LogLevel.Error, "Sending reminders failed; they are tried again at the next scan")]
    private static partial void ReminderFailed(ILogger logger, Exception exception);
}
