namespace IqTriageBot.Dialogs;

/// <summary>Recognises a whole message as a command, in the conversation's language or in English.</summary>
internal static class Commands
{
    public static Command? Detect(Turn turn)
    {
        var text = turn.Input.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        // "cancel K7M3QX": the command with a booking reference in it.
        if (Domain.Bookings.BookingReference.Find(text) is { } reference
            && ChoiceMatcher.IsOneOf(text.Replace(reference, " ", StringComparison.OrdinalIgnoreCase), turn.Words("cmd.cancel")))
        {
            return Command.Cancel;
        }

        // Where a profession is typed, "advisor" or "consultant" is an answer, not a request for a person.
        var freeText = turn.State.Pending == Pending.None
            && turn.Content.Flow.Nodes.FirstOrDefault(n => n.Id == turn.State.Node)?.Ask is Flow.AskKind.Occupation or Flow.AskKind.Text;
        foreach (var (command, key) in TextKeys.Commands)
        {
            if (ChoiceMatcher.IsOneOf(text, "/" + command.ToString().ToLowerInvariant())
                || (ChoiceMatcher.IsOneOf(text, turn.Words(key)) && !(freeText && command == Command.Person)))
            {
                return command;
            }
        }

        // The buttons of the way-out and after-result menus.
        if (ChoiceMatcher.IsOneOf(text, turn.Catalog.Texts[TextKeys.OptPerson]) && turn.State.Pending != Pending.Stuck)
        {
            return Command.Person;
        }

        if (ChoiceMatcher.IsOneOf(text, turn.Catalog.Texts[TextKeys.OptRestart], "/start"))
        {
            return Command.Restart;
        }

        return ChoiceMatcher.IsOneOf(text, turn.Catalog.Texts[TextKeys.OptDelete]) ? Command.Delete : null;
    }
}
