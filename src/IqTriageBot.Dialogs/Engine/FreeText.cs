using System.Reflection;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs;

/// <summary>
/// The answers a person writes in their own words (the occupation as typed and every text question of the
/// flow): what advisors get in the original and, with a translator, in German.
/// </summary>
public static class FreeText
{
    /// <summary>The free-text fields of the flow: the occupation and every field asked as text.</summary>
    public static IReadOnlyList<string> FieldsOf(FlowDefinition flow) =>
        flow.Nodes.Where(n => n.Field is not null && n.Ask is AskKind.Text or AskKind.Occupation).Select(n => n.Field!).Distinct().ToList();

    /// <summary>The text of a free-text field as stored, or null.</summary>
    public static string? Read(TriageAnswers answers, string field) =>
        field == "occupation" ? answers.Occupation?.Text
        : typeof(TriageAnswers).GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.GetValue(answers) as string;

    /// <summary>Replaces the text of a free-text field (the occupation keeps its classification).</summary>
    public static void Write(TriageAnswers answers, string field, string text)
    {
        if (field == "occupation")
        {
            answers.Occupation = answers.Occupation is { } occupation ? occupation with { Text = text } : null;
            return;
        }

        Fields.All[field].Write(answers, text);
    }

    /// <summary>The translations that still match their answers (an answer changed later has none until translated anew).</summary>
    public static IReadOnlyDictionary<string, FreeTextTranslation> Current(FlowDefinition flow, DialogState state) =>
        FieldsOf(flow)
            .Where(f => state.Translations.TryGetValue(f, out var t) && t.Original == Read(state.Answers, f))
            .ToDictionary(f => f, f => state.Translations[f], StringComparer.Ordinal);
}
