using System.Text.Json;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Bot;

/// <summary>
/// Runs one turn for any channel: load the conversation's state, let the engine answer, save the state,
/// and hand back reply activities. The single error boundary of a turn lives here: it logs, apologises
/// and resets the state, so no conversation is left stuck.
/// </summary>
public sealed class TurnRunner(
    DialogEngine engine,
    IStateStore states,
    KeyedLock locks,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var turn = TurnMapper.ToTurn(incoming);
        if (turn is null || incoming.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return [];
        }

        var key = StateKey(incoming.ChannelId, conversationId);
        using var held = await locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        DialogState? state = null;
        try
        {
            var entry = await states.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            state = entry is null ? new DialogState() : JsonSerializer.Deserialize(entry.Json, StateJson.Default.DialogState) ?? new DialogState();
            var result = engine.Run(state, turn);
            var json = JsonSerializer.Serialize(result.State, StateJson.Default.DialogState);
            await states.WriteAsync(key, json, entry?.ETag, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

            BotLog.TurnCompleted(logger, incoming.ChannelId ?? "unknown", result.State.Node ?? "-", result.Replies.Count, time.GetElapsedTime(started).TotalMilliseconds);
            return result.Replies.Select(reply => TurnMapper.ToActivity(reply, incoming)).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            BotLog.TurnFailed(logger, exception, incoming.ChannelId ?? "unknown", state?.Node ?? "-");
            await ResetAsync(key).ConfigureAwait(false);
            return [TurnMapper.ToActivity(engine.Apology(state), incoming)];
        }
    }

    public static string StateKey(string? channelId, string conversationId) => $"{channelId ?? "unknown"}/{conversationId}";

    private async Task ResetAsync(string key)
    {
        try
        {
            await states.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            BotLog.ResetFailed(logger, exception);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(DialogState))]
internal sealed partial class StateJson : System.Text.Json.Serialization.JsonSerializerContext;
