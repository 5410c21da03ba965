using IqTriageBot.Domain.Text;

namespace IqTriageBot.Domain.Places;

/// <summary>
/// Codes with their names in several languages, recognised in what people type: a name in any language,
/// a name inside a short sentence ("in Syrien"), or a name with a typo. Shared by countries and languages.
/// </summary>
internal sealed class NameIndex
{
    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);

    public void Add(string code, IEnumerable<string> names)
    {
        foreach (var name in names.Select(TextNormalizer.Normalize).Where(s => s.Length > 0).Distinct())
        {
            if (!_byName.TryGetValue(name, out var list))
            {
                _byName[name] = list = [];
            }

            if (!list.Contains(code))
            {
                list.Add(code);
            }
        }
    }

    /// <summary>The one code the text names, or null when none or several fit.</summary>
    public string? Match(string? text)
    {
        var key = TextNormalizer.Normalize(text);
        if (key.Length < 2)
        {
            return null;
        }

        if (Unique(key) is { } exact)
        {
            return exact;
        }

        var words = key.Split(' ');
        for (var size = Math.Min(3, words.Length - 1); size >= 1; size--)
        {
            for (var start = 0; start + size <= words.Length; start++)
            {
                var part = string.Join(' ', words, start, size);
                if (part.Length >= 3 && Unique(part) is { } inSentence)
                {
                    return inSentence;
                }
            }
        }

        return Fuzzy(key);
    }

    private string? Unique(string key) =>
        _byName.TryGetValue(key, out var codes) && codes.Count == 1 ? codes[0] : null;

    private string? Fuzzy(string key)
    {
        var allowed = key.Length >= 8 ? 2 : key.Length >= 4 ? 1 : 0;
        if (allowed == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = allowed + 1;
        var tie = false;
        foreach (var (name, codes) in _byName)
        {
            var distance = EditDistance.Compute(key, name, allowed);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (codes[0], distance, codes.Count > 1);
            }
            else if (distance == bestDistance && best is not null && !codes.Contains(best))
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }
}
