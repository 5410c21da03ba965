using System.Globalization;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs;

/// <summary>The summary the person checks, answer by answer, before the result.</summary>
public sealed partial class DialogEngine
{
    private const int SummaryTextLength = 80;

    private void ShowSummary(Turn turn)
    {
        var state = turn.State;
        state.Editing = false;
        FlowWalker.Prune(content.Flow, state);
        var lines = FlowWalker.AnsweredPath(content.Flow, state)
            .Select((node, i) => turn.Text(TextKeys.SummaryLine, new Dictionary<string, string>
            {
                ["n"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["label"] = turn.Catalog.Texts[FieldLabel(node)],
                ["value"] = DisplayValue(turn, node),
            }));
        var text = string.Join('\n', lines.Prepend(turn.Text(TextKeys.SummaryAsk)).Append(turn.Text(TextKeys.SummaryQuestion)));
        turn.Add([TextKeys.SummaryAsk, TextKeys.SummaryQuestion], text,
            [turn.Option("correct", TextKeys.OptSummaryCorrect), turn.Option("change", TextKeys.OptSummaryChange)]);
    }

    private void AnswerSummary(Turn turn, FlowNode node)
    {
        var state = turn.State;
        var picked = ChoiceMatcher.Match(
            turn.Input.Text,
            [turn.Option("correct", TextKeys.OptSummaryCorrect), turn.Option("change", TextKeys.OptSummaryChange)],
            acceptedWords: c => turn.AcceptedWords(c.Id == "correct" ? TextKeys.OptSummaryCorrect : TextKeys.OptSummaryChange));
        picked ??= YesNo(turn, turn.Input.Text) switch { true => "correct", false => "change", null => null };
        switch (picked)
        {
            case "correct":
                Advance(turn, node);
                return;
            case "change":
                var path = FlowWalker.AnsweredPath(content.Flow, state);
                state.Pending = Pending.SummaryChange;
                state.Retries = 0;
                state.PendingOptions = path.Select(n => n.Id).ToList();
                turn.Add([TextKeys.SummaryWhich], turn.Text(TextKeys.SummaryWhich),
                    path.Select((n, i) => new Choice(n.Id, $"{i + 1}. {turn.Catalog.Texts[FieldLabel(n)]}")).ToList());
                return;
        }

        if (++state.Retries > options.MaxRetries)
        {
            Advance(turn, node); // taken as confirmed: the advisor sees the answers anyway
            return;
        }

        turn.Say(TextKeys.RepromptChoice);
        ShowSummary(turn);
    }

    /// <summary>An answer as the person will recognise it, in the conversation's language.</summary>
    private string DisplayValue(Turn turn, FlowNode node)
    {
        var answers = turn.State.Answers;
        if (answers.Skipped.Contains(node.Field!))
        {
            return turn.Catalog.Texts[TextKeys.SummarySkipped];
        }

        var codes = Fields.All[node.Field!].Read(answers) ?? [];
        return node.Ask switch
        {
            AskKind.Choice or AskKind.Multi => string.Join(", ", codes.Select(c => turn.Catalog.Texts[$"opt.{node.Field}.{c}"])),
            AskKind.YesNo => turn.Catalog.Texts[codes.Count > 0 && codes[0] == "true" ? TextKeys.OptYes : TextKeys.OptNo],
            AskKind.Place when answers.Place is { } place => PlaceLabel.WithLand(place, content, turn.Catalog),
            AskKind.Country => CountryName(turn, node.Field == "countryOfResidence" ? answers.CountryOfResidence : answers.QualificationCountry),
            AskKind.Occupation when answers.Occupation is { } occupation => content.Data.Occupations.Find(occupation.OccupationId) is { } found
                ? $"{occupation.Text} → {found.TitleDe}"
                : occupation.Text,
            AskKind.Text => Shorten(answers.WorkDetails ?? string.Empty),
            AskKind.Language => LanguageName(turn, answers.CounsellingLanguage),
            AskKind.Email => answers.Email ?? string.Empty,
            AskKind.Phone => answers.Phone ?? string.Empty,
            _ => string.Empty,
        };
    }

    private string CountryName(Turn turn, string? code) =>
        content.Data.Countries.ByCode(code)?.NameIn(BaseLanguage(turn.Language.Code)) ?? code ?? string.Empty;

    private string LanguageName(Turn turn, string? code) =>
        content.FindLanguage(code)?.Name
        ?? content.Data.LanguageNames.ByCode(code)?.NameIn(BaseLanguage(turn.Language.Code))
        ?? code ?? string.Empty;

    private static string Shorten(string text) => text.Length <= SummaryTextLength ? text : string.Concat(text.AsSpan(0, SummaryTextLength - 1), "…");
}
