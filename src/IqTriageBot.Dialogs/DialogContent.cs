namespace IqTriageBot.Dialogs;

/// <summary>
/// Everything the engine reads from dialogs/: the languages on offer and one text catalog per language.
/// Built once at start-up by <see cref="DialogContentLoader"/>; immutable afterwards.
/// </summary>
public sealed class DialogContent
{
    public DialogContent(IReadOnlyList<LanguageInfo> languages, IReadOnlyDictionary<string, TextCatalog> catalogs, string defaultLanguage)
    {
        Languages = languages;
        Catalogs = catalogs;
        DefaultLanguage = defaultLanguage;
    }

    public IReadOnlyList<LanguageInfo> Languages { get; }

    public IReadOnlyDictionary<string, TextCatalog> Catalogs { get; }

    public string DefaultLanguage { get; }

    public LanguageInfo Language(string code) => Languages.First(l => l.Code == code);

    /// <summary>The supported language for a BCP-47 locale such as "ar-SY" or "uk", if any.</summary>
    public LanguageInfo? LanguageForLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var primary = locale.Split('-', '_')[0].ToLowerInvariant();
        return Languages.FirstOrDefault(l => l.Code == primary);
    }
}
