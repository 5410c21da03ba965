namespace IqTriageBot.Dialogs;

/// <summary>A language the bot can speak, as listed in dialogs/languages.yaml.</summary>
/// <param name="Code">Catalog code, e.g. "ar"; also the file name text/ar.yaml.</param>
/// <param name="Name">The language's name in its own script, shown on buttons.</param>
/// <param name="EnglishName">For operators and matching typed answers.</param>
/// <param name="GermanName">For operators and matching typed answers.</param>
/// <param name="IsRightToLeft">Whether the script runs right to left.</param>
/// <param name="Locale">The BCP-47 locale put on replies and handed to Web Chat.</param>
public sealed record LanguageInfo(
    string Code,
    string Name,
    string EnglishName,
    string GermanName,
    bool IsRightToLeft,
    string Locale)
{
    public string Direction => IsRightToLeft ? "rtl" : "ltr";

    /// <summary>
    /// Other names and codes a person may type for this language ("Farsi", "فارسي", "fa"), in any language. They are
    /// tried only after the names above, so a language offered under that very name wins.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A language without a reviewed catalog: its texts are machine-translated from English.</summary>
    public bool MachineTranslated { get; init; }
}
