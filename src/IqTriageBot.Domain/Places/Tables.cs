namespace IqTriageBot.Domain.Places;

/// <summary>Reading the tab-separated tables of dialogs/data: comments, a header line, then rows.</summary>
internal static class Tables
{
    /// <summary>The data rows with their line numbers and the header's column names after the first one(s).</summary>
    public static IEnumerable<(int Number, string[] Columns, IReadOnlyList<string> Header)> Rows(IEnumerable<string> lines)
    {
        string[]? header = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (header is null)
            {
                header = columns;
                continue;
            }

            yield return (number, columns, header.Skip(header[1] == "group" ? 2 : 1).ToArray());
        }
    }

    /// <summary>Column by column: the first of each |-separated list is the name, all of them are spellings.</summary>
    public static Dictionary<string, string> NamesByLanguage(ReadOnlySpan<string> columns, IReadOnlyList<string> languages, out List<string> spellings)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        spellings = [];
        for (var i = 0; i < languages.Count && i < columns.Length; i++)
        {
            var variants = columns[i].Split('|', StringSplitOptions.RemoveEmptyEntries);
            if (variants.Length > 0)
            {
                names[languages[i]] = variants[0];
                spellings.AddRange(variants);
            }
        }

        return names;
    }
}
