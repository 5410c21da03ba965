using System.Globalization;
using IqTriageBot.Dialogs.Flow;

namespace IqTriageBot.Dialogs;

/// <summary>Putting questions: a flow node, the language question and the way out after repeated failures.</summary>
public sealed partial class DialogEngine
{
    public const string SkipId = "skip";
    public const string DoneId = "done";
    public const string PersonId = "person";
    public const string RestartId = "restart";
    public const string DeleteId = "delete";

    /// <summary>Makes <paramref name="node"/> the current question and asks it.</summary>
    private void Ask(Turn turn, FlowNode node)
    {
        var state = turn.State;
        if (state.History.Count == 0 || state.History[^1] != node.Id)
        {
            state.History.Add(node.Id);
        }

        state.Node = node.Id;
        state.Pending = Pending.None;
        state.PendingOptions.Clear();
        state.Retries = 0;
        state.Selection.Clear();
        foreach (var key in node.Say)
        {
            turn.Say(key, PromptArgs);
        }

        if (node.Ask == AskKind.Result)
        {
            ShowResult(turn);
            Advance(turn, node);
            return;
        }

        Prompt(turn, node, repeat: false);
    }

    private IReadOnlyDictionary<string, string> PromptArgs => new Dictionary<string, string>
    {
        ["version"] = content.Flow.ConsentVersion,
        ["days"] = options.RetentionDays.ToString(CultureInfo.InvariantCulture),
        ["max"] = options.MaxTextLength.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Shows the current question again (after a re-prompt, help or a language change).</summary>
    private void Prompt(Turn turn, FlowNode node, bool repeat)
    {
        switch (node.Ask)
        {
            case AskKind.Summary:
                ShowSummary(turn);
                return;
            case AskKind.Result:
                AfterResult(turn);
                return;
            case AskKind.Booking when repeat:
                AfterResult(turn);
                return;
            case AskKind.Booking:
                OfferBooking(turn);
                return;
            case AskKind.End:
                turn.Add([node.Id + ".ask"], turn.Text(node.Id + ".ask", PromptArgs), [turn.Option(RestartId, TextKeys.OptRestart)]);
                return;
            case AskKind.Multi when turn.State.Selection.Count > 0:
                var chosen = string.Join(", ", turn.State.Selection.Select(v => turn.Catalog.Texts[$"opt.{node.Field}.{v}"]));
                turn.Add([TextKeys.MultiMore], turn.Text(TextKeys.MultiMore, "chosen", chosen), Choices(turn, node));
                return;
        }

        turn.Add([node.Id + ".ask"], turn.Text(node.Id + ".ask", PromptArgs), Choices(turn, node));
    }

    private List<Choice> Choices(Turn turn, FlowNode node)
    {
        var answers = turn.State.Answers;
        var choices = node.Ask switch
        {
            AskKind.Choice => FlowWalker.Offered(node, answers).Select(o => turn.Option(o.Value, $"opt.{node.Field}.{o.Value}")).ToList(),
            AskKind.Multi => FlowWalker.Offered(node, answers)
                .Where(o => !turn.State.Selection.Contains(o.Value))
                .Select(o => turn.Option(o.Value, $"opt.{node.Field}.{o.Value}"))
                .ToList(),
            AskKind.YesNo => [turn.Option("true", TextKeys.OptYes), turn.Option("false", TextKeys.OptNo)],
            AskKind.Language => CounsellingLanguages(turn),
            _ => [],
        };

        if (node.Ask == AskKind.Multi && turn.State.Selection.Count > 0)
        {
            choices.Add(turn.Option(DoneId, TextKeys.OptDone));
        }

        if (node.Optional)
        {
            choices.Add(turn.Option(SkipId, TextKeys.OptSkip));
        }

        return choices;
    }

    /// <summary>The chat's language first, then German and English; any other language can be typed.</summary>
    private List<Choice> CounsellingLanguages(Turn turn)
    {
        var codes = new[] { BaseLanguage(turn.Language.Code), "de", "en" }.Distinct();
        return codes.Select(code => content.FindLanguage(code)).OfType<LanguageInfo>().Select(l => new Choice(l.Code, l.Name)).ToList();
    }

    private static string BaseLanguage(string code) => code.Split('-')[0];

    private void AskLanguage(Turn turn, string key)
    {
        turn.State.Pending = Pending.Language;
        turn.Add([key], turn.Text(key), LanguageChoices());
    }

    private List<Choice> LanguageChoices() => content.Languages.Select(l => new Choice(l.Code, l.Name)).ToList();

    /// <summary>A language by its button, name or locale; failing that, by one of its aliases ("Farsi", "عربي").</summary>
    private LanguageInfo? MatchLanguage(string? text)
    {
        var choices = LanguageChoices();
        var id = ChoiceMatcher.Match(text, choices, choice =>
        {
            var info = content.Language(choice.Id);
            return [info.EnglishName, info.GermanName, info.Locale];
        }) ?? ChoiceMatcher.Match(text, choices, choice => content.Language(choice.Id).Aliases);
        return content.FindLanguage(id);
    }

    /// <summary>Switches the conversation's language (kept from now on) and continues where it was.</summary>
    private void ChooseLanguage(Turn turn, LanguageInfo language)
    {
        var state = turn.State;
        state.Language = language.Code;
        state.LanguageChosen = true;
        state.Pending = Pending.None;
        state.Retries = 0;
        turn.Language = language;
        turn.Say(TextKeys.LanguageSet, new Dictionary<string, string> { ["language"] = language.Name });
        if (CurrentNode(state) is { } node)
        {
            Prompt(turn, node, repeat: true);
        }
        else
        {
            Start(turn);
        }
    }

    /// <summary>After repeated misunderstandings: skip the question, or get a person's contact.</summary>
    private void OfferWayOut(Turn turn, FlowNode node)
    {
        if (node.Field == "consent")
        {
            // Without a clear yes nothing may be stored: the conversation goes the way of a "no".
            Store(turn, node, false);
            Advance(turn, node);
            return;
        }

        turn.State.Pending = Pending.Stuck;
        turn.State.Retries = 0;
        turn.Add([TextKeys.StuckAsk], turn.Text(TextKeys.StuckAsk), [turn.Option(SkipId, TextKeys.OptSkip), turn.Option(PersonId, TextKeys.OptPerson)]);
    }
}
