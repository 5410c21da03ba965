namespace IqTriageBot.Dialogs;

/// <summary>
/// The conversation logic: (state, turn) -> (new state, replies). Pure: no I/O, no clock, no HTTP.
/// This first flow greets, offers the languages and confirms the choice in the chosen language.
/// </summary>
public sealed class DialogEngine(DialogContent content)
{
    public const string LanguageNode = "language";
    public const string ReadyNode = "ready";

    /// <summary>Words that reopen the language choice from any step, in every catalog language.</summary>
    private static readonly string[] LanguageCommands =
    [
        "language", "change language", "sprache", "لغة", "اللغة", "мова", "язык", "dil", "زبان", "langue", "idioma", "język", "limba",
    ];

    public TurnResult Run(DialogState state, UserTurn turn)
    {
        var replies = new List<Reply>();
        var language = state.Language is { } chosen
            ? content.Language(chosen)
            : content.LanguageForLocale(turn.ChannelLocale) ?? content.Language(content.DefaultLanguage);

        if (state.Node is null)
        {
            // First contact: say who is talking, then ask for the language. A first message that already
            // names a language is taken as the answer.
            replies.Add(Say(TextKeys.Greeting, language));
            if (turn.Kind == TurnKind.Message && MatchLanguage(turn.Text) is { } named)
            {
                return Choose(state, named, replies);
            }

            replies.Add(AskLanguage(TextKeys.ChooseLanguage, language));
            return new TurnResult(With(state, LanguageNode, state.Language), replies);
        }

        if (turn.Kind != TurnKind.Message)
        {
            return new TurnResult(state, replies);
        }

        if (IsLanguageCommand(turn.Text))
        {
            replies.Add(AskLanguage(TextKeys.ChooseLanguage, language));
            return new TurnResult(With(state, LanguageNode, state.Language), replies);
        }

        switch (state.Node)
        {
            case LanguageNode:
                if (MatchLanguage(turn.Text) is { } picked)
                {
                    return Choose(state, picked, replies);
                }

                replies.Add(AskLanguage(TextKeys.NotUnderstood, language));
                return new TurnResult(state, replies);

            default:
                replies.Add(Say(TextKeys.Ready, language));
                return new TurnResult(state, replies);
        }
    }

    /// <summary>The apology sent when a turn fails; the caller resets the state.</summary>
    public Reply Apology(DialogState? state) =>
        Say(TextKeys.TurnFailed, content.Language(state?.Language ?? content.DefaultLanguage));

    private TurnResult Choose(DialogState state, LanguageInfo language, List<Reply> replies)
    {
        replies.Add(Say(TextKeys.LanguageSet, language, new Dictionary<string, string> { ["language"] = language.Name }));
        return new TurnResult(With(state, ReadyNode, language.Code), replies);
    }

    private LanguageInfo? MatchLanguage(string? text)
    {
        var choices = LanguageChoices();
        var id = ChoiceMatcher.Match(text, choices, choice =>
        {
            var info = content.Language(choice.Id);
            return [info.EnglishName, info.GermanName, info.Locale];
        });
        return id is null ? null : content.Language(id);
    }

    private static bool IsLanguageCommand(string? text)
    {
        var normalized = ChoiceMatcher.Normalize(text);
        return LanguageCommands.Any(command => ChoiceMatcher.Normalize(command) == normalized);
    }

    private List<Choice> LanguageChoices() => content.Languages.Select(l => new Choice(l.Code, l.Name)).ToList();

    private Reply AskLanguage(string key, LanguageInfo language) =>
        new(key, content.Catalogs[language.Code].Format(key), language, LanguageChoices());

    private Reply Say(string key, LanguageInfo language, IReadOnlyDictionary<string, string>? args = null) =>
        new(key, content.Catalogs[language.Code].Format(key, args), language, []);

    private static DialogState With(DialogState state, string node, string? language) =>
        new() { Version = state.Version, Node = node, Language = language };
}
