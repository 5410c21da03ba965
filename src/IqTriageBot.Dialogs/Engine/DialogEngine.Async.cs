namespace IqTriageBot.Dialogs;

/// <summary>A turn together with the booking desk: the engine decides, the desk looks at the calendar.</summary>
public sealed partial class DialogEngine
{
    /// <summary>At most this many desk round trips in one turn (a move takes three: own booking, slots, book, cancel).</summary>
    private const int MaxDeskRequests = 6;

    /// <summary>
    /// Runs the turn and answers every desk request it ends with through <paramref name="desk"/>, collecting
    /// the replies of all steps. The decisions stay in the pure <see cref="Run"/> and <see cref="Continue"/>.
    /// </summary>
    public async Task<TurnResult> RunAsync(DialogState state, UserTurn input, IBookingPort desk, CancellationToken cancellationToken)
    {
        var result = Run(state, input);
        var replies = new List<Reply>(result.Replies);
        var effects = new List<TurnEffect>(result.Effects);
        for (var round = 0; result.Request is { } request; round++)
        {
            if (round == MaxDeskRequests)
            {
                throw new InvalidOperationException("The conversation asked the booking desk too often in one turn.");
            }

            var answer = await desk.AnswerAsync(request, cancellationToken).ConfigureAwait(false);
            result = Continue(result.State, input, request, answer);
            replies.AddRange(result.Replies);
            effects.AddRange(result.Effects);
        }

        return new TurnResult(result.State, replies, effects);
    }
}
