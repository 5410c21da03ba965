using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs;

/// <summary>Answers to side questions: language, delete confirmation, summary line, occupation, Land, way out.</summary>
public sealed partial class DialogEngine
{
    private void AnswerPending(Turn turn)
    {
        var state = turn.State;
        var text = turn.Input.Text;
        switch (state.Pending)
        {
            case Pending.Language:
                AnswerLanguage(turn, text);
                break;
            case Pending.DeleteConfirm:
                AnswerDelete(turn, text);
                break;
            case Pending.SummaryChange:
                AnswerSummaryChange(turn, text);
                break;
            case Pending.OccupationChoice:
                AnswerOccupationChoice(turn, text);
                break;
            case Pending.PlaceLand:
                AnswerPlaceLand(turn, text);
                break;
            case Pending.Stuck:
                AnswerStuck(turn, text);
                break;
            case Pending.BookingOffer:
                AnswerBookingOffer(turn, text);
                break;
            case Pending.BookingName:
                AnswerBookingName(turn, text);
                break;
            case Pending.BookingSlot:
                AnswerBookingSlot(turn, text);
                break;
            case Pending.BookingWaitlist:
                AnswerBookingWaitlist(turn, text);
                break;
            default:
                state.Pending = Pending.None;
                AnswerNode(turn);
                break;
        }
    }

    private void AnswerLanguage(Turn turn, string? text)
    {
        if (MatchLanguage(text) is { } language)
        {
            ChooseLanguage(turn, language);
            return;
        }

        if (++turn.State.Retries > options.MaxRetries)
        {
            ChooseLanguage(turn, turn.Language);
            return;
        }

        AskLanguage(turn, TextKeys.RepromptLanguage);
    }

    private void AnswerDelete(Turn turn, string? text)
    {
        var state = turn.State;
        state.Pending = Pending.None;
        if (YesNo(turn, text) == true)
        {
            turn.Effects.Add(TurnEffect.DeleteUserData);
            turn.State = new DialogState { Language = state.Language, LanguageChosen = state.LanguageChosen };
            turn.Add([TextKeys.DeleteDone], turn.Text(TextKeys.DeleteDone), [turn.Option(RestartId, TextKeys.OptRestart)]);
            return;
        }

        turn.Say(TextKeys.DeleteCancelled);
        Continue(turn);
    }

    private void AnswerSummaryChange(Turn turn, string? text)
    {
        var state = turn.State;
        var choices = state.PendingOptions.Select((id, i) => new Choice(id, $"{i + 1}. {turn.Catalog.Texts[FieldLabel(content.Flow.Node(id))]}")).ToList();
        var picked = ChoiceMatcher.Match(text, choices, c => [turn.Catalog.Texts[FieldLabel(content.Flow.Node(c.Id))]]);
        if (picked is null)
        {
            if (++state.Retries > options.MaxRetries)
            {
                state.Pending = Pending.None;
                ShowSummary(turn);
                return;
            }

            turn.Say(TextKeys.RepromptChoice);
            turn.Add([TextKeys.SummaryWhich], turn.Text(TextKeys.SummaryWhich), choices);
            return;
        }

        state.Editing = true;
        Ask(turn, content.Flow.Node(picked));
    }

    private void AnswerOccupationChoice(Turn turn, string? text)
    {
        var state = turn.State;
        var written = state.PendingOptions[0];
        var language = BaseLanguage(turn.Language.Code);
        var node = CurrentNode(state)!;
        var choices = state.PendingOptions.Skip(1)
            .Select(id => new Choice(id, OccupationLabel(turn, content.Data.Occupations.Find(id)!)))
            .Append(turn.Option(NoneOfTheseId, TextKeys.OccupationNoneOfThese))
            .ToList();
        var picked = ChoiceMatcher.Match(text, choices);
        if (picked == NoneOfTheseId)
        {
            state.Pending = Pending.None;
            Settle(turn, node, new Outcome.Accepted(new OccupationAnswer(written, language, OccupationMatch.NoneOfThese, null, 0)));
            return;
        }

        if (picked is not null)
        {
            state.Pending = Pending.None;
            Settle(turn, node, new Outcome.Accepted(new OccupationAnswer(written, language, OccupationMatch.Chosen, picked, 1.0)));
            return;
        }

        // Typed instead of pressed ("civil" after "engineer"): classify both together.
        if (text is { Length: > 0 } && text.Any(char.IsLetter) && ++state.Retries <= options.MaxRetries)
        {
            state.Pending = Pending.None;
            Settle(turn, node, Classify(turn, $"{written} {text}".Trim()));
            return;
        }

        state.Pending = Pending.None;
        Settle(turn, node, new Outcome.Accepted(new OccupationAnswer(written, language, OccupationMatch.Unclassified, null, 0)));
    }

    private void AnswerPlaceLand(Turn turn, string? text)
    {
        var state = turn.State;
        var postcode = state.PendingOptions[0];
        var lands = state.PendingOptions.Skip(1).ToList();
        var picked = ChoiceMatcher.Match(text, lands.Select(l => turn.Option(l, TextKeys.Land(l))).ToList());
        state.Pending = Pending.None;
        var node = CurrentNode(state)!;
        Settle(turn, node, picked is null
            ? new Outcome.Rejected(TextKeys.RepromptPlace)
            : new Outcome.Accepted(new PlaceAnswer(picked, postcode, null)));
    }

    /// <summary>Skip or a person's contact; a real answer is still taken; anything else skips, so nobody is stuck.</summary>
    private void AnswerStuck(Turn turn, string? text)
    {
        var state = turn.State;
        var node = CurrentNode(state)!;
        state.Pending = Pending.None;
        var picked = ChoiceMatcher.Match(text, [turn.Option(SkipId, TextKeys.OptSkip), turn.Option(PersonId, TextKeys.OptPerson)]);
        if (picked == PersonId)
        {
            TalkToPerson(turn);
            Prompt(turn, node, repeat: true);
            return;
        }

        if (picked != SkipId && Answer(turn, node, text) is { } outcome && outcome is not Outcome.Rejected)
        {
            Settle(turn, node, outcome);
            return;
        }

        Store(turn, node, Skip.Value);
        Advance(turn, node);
    }

    /// <summary>Shows the current question again, or the start when there is none yet.</summary>
    private void Continue(Turn turn)
    {
        if (CurrentNode(turn.State) is { } node)
        {
            Prompt(turn, node, repeat: true);
        }
        else
        {
            Start(turn);
        }
    }

    private static string FieldLabel(FlowNode node) => "label." + node.Field;
}
