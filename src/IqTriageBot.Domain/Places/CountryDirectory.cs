namespace IqTriageBot.Domain.Places;

/// <summary>A country or territory: ISO 3166-1 alpha-2 code, whether EU/EEA/Swiss rules apply, names per language.</summary>
public sealed record Country(string Code, bool IsEuEeaSwiss, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The name in <paramref name="language"/>, else English, else the code.</summary>
    public string NameIn(string language) =>
        Names.TryGetValue(language, out var name) ? name : Names.TryGetValue("en", out var english) ? english : Code;
}

/// <summary>Countries from dialogs/data/countries.tsv, recognised by name in any language or by code.</summary>
public sealed class CountryDirectory
{
    private readonly Dictionary<string, Country> _byCode;
    private readonly NameIndex _names;

    private CountryDirectory(Dictionary<string, Country> byCode, NameIndex names)
    {
        _byCode = byCode;
        _names = names;
    }

    public IReadOnlyCollection<Country> All => _byCode.Values;

    public Country? ByCode(string? code) => code is not null && _byCode.TryGetValue(code, out var country) ? country : null;

    /// <summary>The country a typed answer names: a code on its own ("SY"), or a name (see <see cref="NameIndex"/>).</summary>
    public Country? Match(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 2 && _byCode.TryGetValue(trimmed.ToUpperInvariant(), out var byCode))
        {
            return byCode;
        }

        return ByCode(_names.Match(trimmed));
    }

    /// <summary>Parses the table: code, group (eu, eea, ch, other), then one column of names per language.</summary>
    public static CountryDirectory Parse(IEnumerable<string> lines, ICollection<string> problems, string fileName)
    {
        var byCode = new Dictionary<string, Country>(StringComparer.Ordinal);
        var index = new NameIndex();
        foreach (var (number, columns, languages) in Tables.Rows(lines))
        {
            if (columns.Length != languages.Count + 2 || columns[0].Length != 2 || columns[1] is not ("eu" or "eea" or "ch" or "other"))
            {
                problems.Add($"{fileName} (line {number}): expected code, group and {languages.Count} name columns.");
                continue;
            }

            var names = Tables.NamesByLanguage(columns.AsSpan(2), languages, out var spellings);
            byCode[columns[0]] = new Country(columns[0], columns[1] != "other", names);
            index.Add(columns[0], spellings);
        }

        return new CountryDirectory(byCode, index);
    }
}
