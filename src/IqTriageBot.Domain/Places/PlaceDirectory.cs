using IqTriageBot.Domain.Text;

namespace IqTriageBot.Domain.Places;

/// <summary>A town: its official name, Land and one of its postcodes.</summary>
public sealed record Place(string Name, string Land, string Postcode);

/// <summary>Town names (and their spellings in other languages) to places, from dialogs/data/places.tsv.</summary>
public sealed class PlaceDirectory
{
    private readonly Dictionary<string, List<Place>> _byName;

    private PlaceDirectory(Dictionary<string, List<Place>> byName) => _byName = byName;

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
