using System.Diagnostics;

namespace IqTriageBot.LoadDriver;

/// <summary>Runs virtual users for one concurrency level: warm-up, then a measured window, then stop.</summary>
internal sealed class LoadRunner(TurnClient client)
{
    /// <summary>Pause after a refused connection, so a dead host is not hammered in a tight loop.</summary>
    private static readonly TimeSpan UnreachableBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// One scripted conversation, turn by turn, stopping at the first failure. Returns the reply texts per
    /// step when every turn was valid; used for the reference conversation before the load starts.
    /// </summary>
    public async Task<(string[]?[] Texts, TurnOutcome? Failure)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var conversation = new Conversation();
        var texts = new string[]?[ConversationScript.Steps.Count];
        for (var step = 0; step < texts.Length; step++)
        {
            var outcome = await client.RunAsync(step, conversation, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is not null)
            {
                return (texts, outcome);
            }

            texts[step] = outcome.Texts;
        }

        return (texts, null);
    }

    public async Task<LevelResult> RunLevelAsync(int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var users = new UserStats[concurrency];
        var tasks = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var stats = users[i] = new UserStats();
            tasks[i] = Task.Run(() => UserLoopAsync(stats, measureFrom, measureTo, cancellationToken), cancellationToken);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: report what was measured so far.
        }

        var measured = TimeSpan.FromSeconds(
            Math.Max(0, Math.Min(Stopwatch.GetTimestamp(), measureTo) - measureFrom) / (double)Stopwatch.Frequency);
        return LevelResult.From(concurrency, measured, users);
    }

    private async Task UserLoopAsync(UserStats stats, long measureFrom, long measureTo, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < measureTo && !cancellationToken.IsCancellationRequested)
        {
            var conversation = new Conversation();
            var completed = true;
            for (var step = 0; step < ConversationScript.Steps.Count; step++)
            {
                // No new turn after the window; the one in flight may finish but is not counted.
                if (Stopwatch.GetTimestamp() >= measureTo)
                {
                    return;
                }

                var outcome = await client.RunAsync(step, conversation, cancellationToken).ConfigureAwait(false);
                // Counted by completion time, so a turn straddling the warm-up boundary belongs to the window.
                var inWindow = outcome.Finished >= measureFrom && outcome.Finished <= measureTo;
                if (inWindow)
                {
                    stats.Record(outcome);
                }

                if (outcome.Error is not null)
                {
                    // The conversation's state is unknown now; carrying on would turn one failure into many.
                    completed = false;
                    if (outcome.Unreachable)
                    {
                        await Task.Delay(UnreachableBackoff, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                }
            }

            if (completed && Stopwatch.GetTimestamp() <= measureTo && Stopwatch.GetTimestamp() >= measureFrom)
            {
                stats.Conversations++;
            }
        }
    }
}
