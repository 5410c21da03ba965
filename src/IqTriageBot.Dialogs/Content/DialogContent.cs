using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Domain.Occupations;
using IqTriageBot.Domain.Places;

namespace IqTriageBot.Dialogs;

/// <summary>Reference data from dialogs/data/.</summary>
public sealed record ReferenceData(
    PostcodeDirectory Postcodes,
    PlaceDirectory Places,
    CountryDirectory Countries,
    LanguageDirectory LanguageNames,
    OccupationCatalog Occupations,
    CentreDirectory Centres);

/// <summary>
/// Everything the engine reads from dialogs/: languages, one text catalog per language, the flow and the
/// reference data. Built once at start-up by <see cref="DialogContentLoader"/>; immutable afterwards.
/// </summary>
public sealed class DialogContent(
    IReadOnlyList<LanguageInfo> languages,
    IReadOnlyDictionary<string, TextCatalog> catalogs,
    string defaultLanguage,
    FlowDefinition flow,
    ReferenceData data)
{
    public IReadOnlyList<LanguageInfo> Languages { get; } = languages;

    public IReadOnlyDictionary<string, TextCatalog> Catalogs { get; } = catalogs;

    public string DefaultLanguage { get; } = defaultLanguage;

    public FlowDefinition Flow { get; } = flow;

    public ReferenceData Data { get; } = data;

    /// <summary>The advisor portal's texts (portal/de.yaml and portal/en.yaml), by language.</summary>
    public IReadOnlyDictionary<string, TextCatalog> Portal { get; init; } = new Dictionary<string, TextCatalog>();

    /// <summary>
    /// Languages without a reviewed catalog (dialogs/machine-languages.yaml), offered only when a translator
    /// is configured; see <see cref="WithMachineLanguages"/>.
    /// </summary>
    public IReadOnlyList<LanguageInfo> MachineLanguages { get; init; } = [];

    /// <summary>The machine language with this code, whether or not this content offers it.</summary>
    public LanguageInfo? FindMachineLanguage(string? code) => code is null ? null : MachineLanguages.FirstOrDefault(l => l.Code == code);

    /// <summary>
    /// This content with the machine languages offered as well. <paramref name="translated"/> holds the catalogs
    /// translated so far; a machine language without one speaks English until its catalog is ready.
    /// </summary>
    public DialogContent WithMachineLanguages(IReadOnlyDictionary<string, TextCatalog> translated)
    {
        var english = Catalogs[DefaultLanguage];
        var catalogs = new Dictionary<string, TextCatalog>(Catalogs, StringComparer.Ordinal);
        foreach (var language in MachineLanguages)
        {
            catalogs[language.Code] = translated.TryGetValue(language.Code, out var catalog) ? catalog : new TextCatalog(language.Code, english.Texts);
        }

        return new DialogContent([.. Languages, .. MachineLanguages], catalogs, DefaultLanguage, Flow, Data)
        {
            Portal = Portal,
            MachineLanguages = MachineLanguages,
        };
    }

    public LanguageInfo Language(string code) => Languages.First(l => l.Code == code);

    public LanguageInfo? FindLanguage(string? code) => code is null ? null : Languages.FirstOrDefault(l => l.Code == code);

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
