using IqTriageBot.Dialogs.Flow;

namespace IqTriageBot.Dialogs;

/// <summary>
/// The conversation logic: (state, turn) -> (new state, replies, effects). Pure: no I/O, no clock, no HTTP.
/// Order of a turn: first contact and language; commands (help, back, restart, language, person, delete);
/// a pending side question; the current question of flow.yaml; then on to the next question that applies.
/// </summary>
public sealed partial class DialogEngine(DialogContent content, DialogOptions options)
{
    public DialogEngine(DialogContent content)
        : this(content, new DialogOptions())
    {
    }

    public DialogContent Content => content;

    public TurnResult Run(DialogState state, UserTurn input)
    {
        var language = content.FindLanguage(state.Language)
            ?? content.LanguageForLocale(input.ChannelLocale)
            ?? LanguageGuess.FromScript(input.Text, content)
            ?? content.Language(content.DefaultLanguage);
        var turn = new Turn(content, state, language, input);

        if (input.Kind == TurnKind.ConversationStarted)
        {
            if (state.Node is null && state.Pending == Pending.None)
            {
                Greet(turn);
            }

            return turn.Result();
        }

        var command = Commands.Detect(turn);
        if (state.Node is null && state.Pending == Pending.None && !(command == Command.Restart && state.Language is not null))
        {
            FirstMessage(turn);
        }
        else if (command is not null)
        {
            RunCommand(turn, command.Value);
        }
        else if (state.Pending != Pending.None)
        {
            AnswerPending(turn);
        }
        else
        {
            AnswerNode(turn);
        }

        return turn.Result();
    }

    /// <summary>The apology sent when a turn fails; the caller keeps the last saved state.</summary>
    public Reply Apology(DialogState? state) =>
        new(TextKeys.TurnFailed, content.Catalogs[content.FindLanguage(state?.Language)?.Code ?? content.DefaultLanguage].Format(TextKeys.TurnFailed),
            content.FindLanguage(state?.Language) ?? content.Language(content.DefaultLanguage), []);

    private void Greet(Turn turn)
    {
        turn.Say(TextKeys.Greeting);
        AskLanguage(turn, TextKeys.ChooseLanguage);
    }

    /// <summary>A first message that names a language chooses it; anything else is greeted and asked for the language.</summary>
    private void FirstMessage(Turn turn)
    {
        if (MatchLanguage(turn.Input.Text) is { } named)
        {
            turn.Say(TextKeys.Greeting);
            ChooseLanguage(turn, named);
            return;
        }

        Greet(turn);
    }

    private void AnswerNode(Turn turn)
    {
        var node = CurrentNode(turn.State);
        if (node is null)
        {
            Start(turn);
            return;
        }

        switch (node.Ask)
        {
            case AskKind.End:
                Ask(turn, node);
                return;
            case AskKind.Summary:
                AnswerSummary(turn, node);
                return;
            case AskKind.Result or AskKind.Booking:
                AfterResult(turn);
                return;
        }

        var outcome = Answer(turn, node, turn.Input.Text);
        Settle(turn, node, outcome);
    }

    /// <summary>Takes an accepted answer and moves on, or re-prompts, or offers a way out after repeated failures.</summary>
    private void Settle(Turn turn, FlowNode node, Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Accepted accepted:
                Store(turn, node, accepted.Value);
                Advance(turn, node);
                break;
            case Outcome.Waiting:
                turn.State.Retries = 0;
                break;
            case Outcome.Rejected rejected:
                Reject(turn, node, rejected);
                break;
        }
    }

    private void Reject(Turn turn, FlowNode node, Outcome.Rejected rejected)
    {
        turn.State.Retries++;
        if (turn.State.Retries > options.MaxRetries)
        {
            OfferWayOut(turn, node);
            return;
        }

        turn.Say(rejected.Key, rejected.Args);
        Prompt(turn, node, repeat: true);
    }

    private void Store(Turn turn, FlowNode node, object? value)
    {
        var state = turn.State;
        var field = Fields.All[node.Field!];
        if (value is Skip)
        {
            field.Skip(state.Answers);
        }
        else
        {
            field.Write(state.Answers, value);
        }

        state.AnsweredBy[field.Name] = node.Id;
        state.Retries = 0;
        state.Selection.Clear();
        if (field.Name == "consent")
        {
            RecordConsent(turn, value is true);
        }
    }

    private void RecordConsent(Turn turn, bool given)
    {
        var state = turn.State;
        if (given)
        {
            state.ConsentVersion = content.Flow.ConsentVersion;
            state.ConsentAt = turn.Input.Now;
            return;
        }

        // Declined: nothing of the person is kept, only that they declined.
        state.Answers = new Domain.Intake.TriageAnswers { Consent = false };
        state.AnsweredBy = new(StringComparer.Ordinal) { ["consent"] = content.Flow.Nodes.First(n => n.Field == "consent").Id };
        state.ConsentVersion = null;
        state.ConsentAt = null;
    }

    /// <summary>Goes to the next question that applies after <paramref name="from"/>, saying info nodes on the way.</summary>
    private void Advance(Turn turn, FlowNode from)
    {
        var index = content.Flow.IndexOf(from.Id);
        while (FlowWalker.NextAfter(content.Flow, index, turn.State) is { } next)
        {
            if (next.Ask == AskKind.Info)
            {
                RunInfo(turn, next);
                index = content.Flow.IndexOf(next.Id);
                continue;
            }

            Ask(turn, next);
            return;
        }

        // The validator guarantees a result node; reaching here means every remaining node was skipped.
        Ask(turn, content.Flow.Nodes.Last(n => n.Ask == AskKind.Result));
    }

    /// <summary>Starts the flow at its first node (after the language is known).</summary>
    private void Start(Turn turn)
    {
        var first = content.Flow.Nodes[0];
        if (FlowWalker.Applies(first, turn.State.Answers))
        {
            Ask(turn, first);
        }
        else
        {
            Advance(turn, first);
        }
    }

    private FlowNode? CurrentNode(DialogState state) =>
        state.Node is { } id && content.Flow.IndexOf(id) >= 0 ? content.Flow.Node(id) : null;

    /// <summary>A node's value that stands for "skipped".</summary>
    private sealed class Skip
    {
        public static readonly Skip Value = new();
    }
}

/// <summary>What an answer to a question came to.</summary>
internal abstract record Outcome
{
    public sealed record Accepted(object? Value) : Outcome;

    /// <summary>A side question was asked (or more choices offered); the node stays current.</summary>
    public sealed record Waiting : Outcome;

    public sealed record Rejected(string Key, IReadOnlyDictionary<string, string>? Args = null) : Outcome;

    public static readonly Outcome Wait = new Waiting();
}
