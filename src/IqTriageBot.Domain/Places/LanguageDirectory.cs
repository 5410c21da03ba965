namespace IqTriageBot.Domain.Places;

/// <summary>A language: its code (BCP-47), its own name and its names in the catalog languages.</summary>
public sealed record Language(string Code, string OwnName, IReadOnlyDictionary<string, string> Names)
{
    public string NameIn(string language) => Names.TryGetValue(language, out var name) && name.Length > 0 ? name : OwnName;
}

/// <summary>Languages from dialogs/data/language-names.tsv, recognised by any of their names.</summary>
public sealed class LanguageDirectory
{
    private readonly Dictionary<string, Language> _byCode;
    private readonly NameIndex _names;

    private LanguageDirectory(Dictionary<string, Language> byCode, NameIndex names)
    {
        _byCode = byCode;
        _names = names;
    }

    public Language? ByCode(string? code) => code is not null && _byCode.TryGetValue(code, out var language) ? language : null;

    public Language? Match(string? text) => ByCode(_names.Match(text));

    /// <summary>Parses the table: code, own name(s) separated by |, then one column of names per catalog language.</summary>
    public static LanguageDirectory Parse(IEnumerable<string> lines, ICollection<string> problems, string fileName)
    {
        var byCode = new Dictionary<string, Language>(StringComparer.Ordinal);
        var index = new NameIndex();
        foreach (var (number, columns, languages) in Tables.Rows(lines))
        {
            if (columns.Length != languages.Count + 1 || columns[0].Length < 2)
            {
                problems.Add($"{fileName} (line {number}): expected code, own name and {languages.Count - 1} name columns.");
                continue;
            }

            var names = Tables.NamesByLanguage(columns.AsSpan(1), languages, out var spellings);
            byCode[columns[0]] = new Language(columns[0], names["own"], names);
            index.Add(columns[0], spellings.Append(columns[0]));
        }

        return new LanguageDirectory(byCode, index);
    }
}
