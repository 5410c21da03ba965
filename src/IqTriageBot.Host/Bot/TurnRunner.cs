using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Host.Translation;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Bot;

/// <summary>
/// Runs one turn for any channel: load the conversation's state, let the engine answer, carry out its effects,
/// save the state, and hand back reply activities. The single error boundary of a turn lives here: it logs
/// (ids only), apologises in the person's language and keeps the last saved state, so the conversation goes
/// on from the question it was at.
/// </summary>
public sealed class TurnRunner(
    LiveContent live,
    IStateStore states,
    PersonalDataEraser eraser,
    BookingDesk desk,
    CalendarLinks calendar,
    BookingNotifications notifications,
    Statistics statistics,
    KeyedLock locks,
    ConversationTranslation translation,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var replies = await RunForRepliesAsync(incoming, cancellationToken).ConfigureAwait(false);
        return replies.Select(reply => TurnMapper.ToActivity(reply, incoming)).ToList();
    }

    /// <summary>
    /// The same turn, handing back the engine's channel-agnostic replies, for channels that render them
    /// themselves (messengers with their own button and list formats).
    /// </summary>
    public async Task<IReadOnlyList<Reply>> RunForRepliesAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var turn = TurnMapper.ToTurn(incoming, time.GetUtcNow());
        if (turn is null || incoming.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return [];
        }

        var engine = live.Engine;
        var key = StateKey(incoming.ChannelId, conversationId);
        using var held = await locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        DialogState? state = null;
        try
        {
            var entry = await states.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            state = entry is null ? new DialogState() : DialogStateJson.Deserialize(entry.Json);
            var address = new ConversationAddress(incoming.ChannelId ?? "unknown", conversationId, incoming.From?.Id, incoming.ServiceUrl, state.Language ?? engine.Content.DefaultLanguage);
            var port = new BookingPort(desk, address, calendar.For, notifications.BookedAsync, (booking, token) => notifications.CancelledAsync(booking, Mail.CancelledBy.Person, token));
            var result = translation.Enabled
                ? await translation.RunAsync(state, turn, (e, s, t) => e.RunAsync(s, t, port, cancellationToken), cancellationToken).ConfigureAwait(false)
                : await engine.RunAsync(state, turn, port, cancellationToken).ConfigureAwait(false);
            var etag = entry?.ETag;
            if (result.Effects.Contains(TurnEffect.DeleteUserData))
            {
                await eraser.EraseAsync(incoming.ChannelId, conversationId, cancellationToken).ConfigureAwait(false);
                etag = null;
                BotLog.DataErased(logger, incoming.ChannelId ?? "unknown");
            }

            await states.WriteAsync(key, DialogStateJson.Serialize(result.State), etag, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

            await CountAsync(engine, state, result, address, cancellationToken).ConfigureAwait(false);
            BotLog.TurnCompleted(logger, incoming.ChannelId ?? "unknown", result.State.Node ?? "-", result.Replies.Count, time.GetElapsedTime(started).TotalMilliseconds);
            return result.Replies;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            BotLog.TurnFailed(logger, exception, incoming.ChannelId ?? "unknown", state?.Node ?? "-");
            return [engine.Apology(state)];
        }
    }

    public static string StateKey(string? channelId, string conversationId) => $"{channelId ?? "unknown"}/{conversationId}";

    /// <summary>The anonymous statistics: a conversation begins with the greeting, a triage completes with its result.</summary>
    private async Task CountAsync(DialogEngine engine, DialogState before, TurnResult result, ConversationAddress address, CancellationToken cancellationToken)
    {
        var language = result.State.Language ?? engine.Content.DefaultLanguage;
        if (result.Replies.Any(r => r.Key == TextKeys.Greeting))
        {
            await statistics.StartedAsync(language, address.ChannelId, cancellationToken).ConfigureAwait(false);
        }

        if (result.State.Completed && !before.Completed)
        {
            await statistics.CompletedAsync(result.State.Answers, engine.Route(result.State.Answers), language, address.ChannelId, cancellationToken).ConfigureAwait(false);
        }
    }
}
