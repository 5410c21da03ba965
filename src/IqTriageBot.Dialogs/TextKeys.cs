namespace IqTriageBot.Dialogs;

/// <summary>Catalog keys the engine uses. Tests assert on these ids, never on the prose.</summary>
public static class TextKeys
{
    public const string Greeting = "greeting";
    public const string ChooseLanguage = "choose_language";
    public const string LanguageSet = "language_set";
    public const string NotUnderstood = "not_understood";
    public const string Ready = "ready";
    public const string TurnFailed = "turn_failed";

    public static readonly IReadOnlyList<string> All = [Greeting, ChooseLanguage, LanguageSet, NotUnderstood, Ready, TurnFailed];
}
