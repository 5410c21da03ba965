using IqTriageBot.Domain.Text;

namespace IqTriageBot.Domain.Places;

/// <summary>A town: its official name, Land and one of its postcodes.</summary>
public sealed record Place(string Name, string Land, string Postcode);

/// <summary>What an answer names: the places (several when the name is shared) and the normalised name found.</summary>
public sealed record PlaceMatch(IReadOnlyList<Place> Places, string Name)
{
    public static PlaceMatch None { get; } = new([], string.Empty);
}

/// <summary>Town names (and their spellings in other languages) to places, from dialogs/data/places.tsv.</summary>
public sealed class PlaceDirectory
{
    /// <summary>Case endings a Slavic language adds to a town's name ("в Гамбурге", "у Берліні", "w Hamburgu"), normalised.</summary>
    private static readonly HashSet<string> SlavicEndings = new(StringComparer.Ordinal)
    {
        "е", "у", "а", "і", "и", "ом", "ем", "ои", "ою", "ові", "u", "ie", "iu", "em", "a",
    };

    private readonly Dictionary<string, List<Place>> _byName;
    private readonly int _maxWords;

    private PlaceDirectory(Dictionary<string, List<Place>> byName)
    {
        _byName = byName;
        _maxWords = byName.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public static PlaceDirectory Empty { get; } = new(new Dictionary<string, List<Place>>(StringComparer.Ordinal));

    public int NameCount => _byName.Count;

    /// <summary>
    /// The places a typed name refers to: exact after normalisation, else the closest name within one typo
    /// (two for long names). Several places when the name is shared.
    /// </summary>
    public IReadOnlyList<Place> Find(string text)
    {
        var key = TextNormalizer.Normalize(text);
        if (key.Length < 2)
        {
            return [];
        }

        if (_byName.TryGetValue(key, out var exact))
        {
            return exact;
        }

        var allowed = key.Length >= 8 ? 2 : key.Length >= 5 ? 1 : 0;
        if (allowed == 0)
        {
            return [];
        }

        var best = allowed + 1;
        List<Place>? found = null;
        foreach (var (name, places) in _byName)
        {
            if (Math.Abs(name.Length - key.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance.Compute(key, name, allowed);
            if (distance < best)
            {
                best = distance;
                found = [.. places];
            }
            else if (distance == best && found is not null)
            {
                found.AddRange(places.Where(p => !found.Contains(p)));
            }
        }

        return found ?? [];
    }

    /// <summary>
    /// The places an answer names, and the name as found: the answer as a name (see <see cref="Find"/>), else a
    /// known name as whole words of a sentence ("ich wohne in Leipzig", "j'habite à Munich"; longer names first),
    /// else one inflected word that is a known name plus a Slavic case ending ("живу в Гамбурге"). Nothing when
    /// no known name is in the text, or when the sentence names different towns.
    /// </summary>
    public PlaceMatch Recognize(string text)
    {
        var key = TextNormalizer.Normalize(text);
        if (key.Length < 2)
        {
            return PlaceMatch.None;
        }

        if (_byName.TryGetValue(key, out var exact))
        {
            return new PlaceMatch(exact, key);
        }

        var words = key.Split(' ');
        if (words.Length > 1 && InSentence(words) is { } inSentence)
        {
            return inSentence;
        }

        if (Find(key) is { Count: > 0 } close)
        {
            return new PlaceMatch(close, key);
        }

        return words.Length > 1 ? Inflected(words) : PlaceMatch.None;
    }

    private PlaceMatch? InSentence(string[] words)
    {
        for (var size = Math.Min(_maxWords, words.Length - 1); size >= 1; size--)
        {
            PlaceMatch? found = null;
            for (var start = 0; start + size <= words.Length; start++)
            {
                var part = string.Join(' ', words, start, size);
                if (part.Length < 3 || !_byName.TryGetValue(part, out var places))
                {
                    continue;
                }

                if (found is not null && !found.Places.SequenceEqual(places))
                {
                    return PlaceMatch.None; // "from Essen to Hamm": which one is home is not clear
                }

                found = new PlaceMatch(places, part);
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A word that is a known one-word name (4 letters or more) plus a case ending, when exactly one name fits.</summary>
    private PlaceMatch Inflected(string[] words)
    {
        PlaceMatch? found = null;
        foreach (var word in words.Where(w => w.Length >= 5))
        {
            foreach (var cut in new[] { 1, 2, 3 })
            {
                var stem = word[..^cut];
                if (stem.Length < 4 || !SlavicEndings.Contains(word[^cut..]) || !_byName.TryGetValue(stem, out var places))
                {
                    continue;
                }

                if (found is not null && !found.Places.SequenceEqual(places))
                {
                    return PlaceMatch.None;
                }

                found = new PlaceMatch(places, stem);
            }
        }

        return found ?? PlaceMatch.None;
    }

    /// <summary>Parses the table (tab-separated: name, land, postcode, aliases separated by |, source).</summary>
    public static PlaceDirectory Parse(IEnumerable<string> lines, PostcodeDirectory postcodes, ICollection<string> problems, string fileName)
    {
        var byName = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("name\t", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3 || columns[0].Length == 0 || !Lands.IsLand(columns[1]))
            {
                problems.Add($"{fileName} (line {number}): expected name, Land code, postcode, aliases, source.");
                continue;
            }

            if (!postcodes.LandsOf(columns[2]).Contains(columns[1]))
            {
                problems.Add($"{fileName} (line {number}): postcode {columns[2]} of {columns[0]} is not a postcode of {columns[1]} in postcodes.tsv.");
                continue;
            }

            var place = new Place(columns[0], columns[1], columns[2]);
            var names = columns.Length > 3 ? columns[3].Split('|').Prepend(columns[0]) : [columns[0]];
            foreach (var name in names.Select(TextNormalizer.Normalize).Where(n => n.Length > 0).Distinct())
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                if (!list.Contains(place))
                {
                    list.Add(place);
                }
            }
        }

        return new PlaceDirectory(byName);
    }
}
