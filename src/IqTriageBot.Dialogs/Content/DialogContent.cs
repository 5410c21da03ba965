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
