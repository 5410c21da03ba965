using IqTriageBot.Dialogs.Flow;

namespace IqTriageBot.Dialogs;

/// <summary>Commands that work at any step: help, back, restart, language, person, delete my data.</summary>
public sealed partial class DialogEngine
{
    private void RunCommand(Turn turn, Command command)
    {
        var state = turn.State;
        switch (command)
        {
            case Command.Help:
                var help = CurrentNode(state) switch
                {
                    { Ask: AskKind.Summary } => TextKeys.SummaryHelp,
                    { Ask: AskKind.Result } => TextKeys.ResultHelp,
                    { Ask: AskKind.Booking } => TextKeys.BookingHelp,
                    { } node => node.Id + ".help",
                    null => TextKeys.HelpCommands,
                };
                var text = help == TextKeys.HelpCommands ? turn.Text(help) : turn.Text(help, PromptArgs) + "\n" + turn.Text(TextKeys.HelpCommands);
                turn.Add([help, TextKeys.HelpCommands], text, []);
                RepeatCurrent(turn);
                break;

            case Command.Back:
                GoBack(turn);
                break;

            case Command.Restart:
                turn.State = new DialogState { Language = state.Language ?? turn.Language.Code, LanguageChosen = state.LanguageChosen };
                turn.Say(TextKeys.RestartDone);
                Start(turn);
                break;

            case Command.Language:
                state.Retries = 0;
                AskLanguage(turn, TextKeys.ChooseLanguage);
                break;

            case Command.Person:
                TalkToPerson(turn);
                if (CurrentNode(state) is { Ask: not (AskKind.Result or AskKind.End) })
                {
                    turn.Say(TextKeys.PersonContinue);
                    RepeatCurrent(turn);
                }

                break;

            case Command.Cancel:
                state.Pending = Pending.None;
                turn.Request = new DeskRequest.Cancel(Domain.Bookings.BookingReference.Find(turn.Input.Text));
                break;

            case Command.Reschedule:
                state.Pending = Pending.None;
                turn.Request = new DeskRequest.FindOwn();
                break;

            case Command.Delete:
                state.Pending = Pending.DeleteConfirm;
                turn.Add([TextKeys.DeleteConfirm], turn.Text(TextKeys.DeleteConfirm), [turn.Option("true", TextKeys.OptYes), turn.Option("false", TextKeys.OptNo)]);
                break;
        }
    }

    /// <summary>Asks the current question again: the pending side question if there is one, else the node.</summary>
    private void RepeatCurrent(Turn turn)
    {
        var state = turn.State;
        switch (state.Pending)
        {
            case Pending.Language:
                AskLanguage(turn, TextKeys.ChooseLanguage);
                return;
            case Pending.OccupationChoice:
                ShowOccupationChoice(turn);
                return;
            case Pending.BookingOffer or Pending.BookingName or Pending.BookingWaitlist:
                OfferBooking(turn);
                return;
            case Pending.BookingSlot when state.Booking is { Offered.Count: > 0 } booking:
                turn.Add([TextKeys.BookingDateUnclear], turn.Text(TextKeys.BookingDateUnclear), SlotChoices(turn, booking.Offered));
                return;
            case Pending.None:
                break;
            default:
                state.Pending = Pending.None; // the other side questions are simply asked anew
                break;
        }

        Continue(turn);
    }

    /// <summary>The previous question again; its answer is kept until it is answered anew.</summary>
    private void GoBack(Turn turn)
    {
        var state = turn.State;
        state.Pending = Pending.None;
        if (state.History.Count < 2)
        {
            turn.Say(TextKeys.BackNone);
            Continue(turn);
            return;
        }

        state.Completed = false;
        state.History.RemoveAt(state.History.Count - 1);
        var previous = state.History[^1];
        state.History.RemoveAt(state.History.Count - 1);
        Ask(turn, content.Flow.Node(previous));
    }
}
