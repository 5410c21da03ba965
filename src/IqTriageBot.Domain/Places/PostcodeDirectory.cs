namespace IqTriageBot.Domain.Places;

/// <summary>German postcode to Land(s), from dialogs/data/postcodes.tsv. A few postcodes span two Länder.</summary>
public sealed class PostcodeDirectory
{
    private readonly Dictionary<string, string[]> _lands;

    private PostcodeDirectory(Dictionary<string, string[]> lands) => _lands = lands;

    public int Count => _lands.Count;

    /// <summary>The Länder of a five-digit postcode; empty when it is not a German postcode in use.</summary>
    public IReadOnlyList<string> LandsOf(string postcode) => _lands.TryGetValue(postcode, out var lands) ? lands : [];

    /// <summary>Parses the table (tab-separated: postcode, land, source); problems name the line.</summary>
    public static PostcodeDirectory Parse(IEnumerable<string> lines, ICollection<string> problems, string fileName)
    {
        var lands = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("postcode\t", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 2 || columns[0].Length != 5 || !columns[0].All(char.IsAsciiDigit) || !Lands.IsLand(columns[1]))
            {
                problems.Add($"{fileName} (line {number}): expected a 5-digit postcode and a Land code.");
                continue;
            }

            if (!lands.TryGetValue(columns[0], out var list))
            {
                lands[columns[0]] = list = [];
            }

            if (!list.Contains(columns[1]))
            {
                list.Add(columns[1]);
            }
        }

        return new PostcodeDirectory(lands.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }
}
