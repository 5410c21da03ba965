using IqTriageBot.Domain;
using IqTriageBot.Domain.Occupations;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs.Content;

/// <summary>Reads data/authorities.yaml and data/occupations/*.yaml, checking every entry against the schema.</summary>
internal static class OccupationLoader
{
    private static readonly string[] RequiredFields =
        ["id", "titleDe", "titleDeMale", "titleDeFemale", "titleEn", "sector", "regulation", "reasonDe", "reasonEn", "law", "authority", "euAutomatic", "kldb", "isco", "source", "names"];

    public static List<AuthorityType> LoadAuthorities(string root, List<string> problems)
    {
        const string relative = "data/authorities.yaml";
        var result = new List<AuthorityType>();
        if (Yaml.Read(root, relative, problems) is not YamlSequenceNode list)
        {
            problems.Add($"{relative}: expected a list of authority types.");
            return result;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            var id = item.Scalar("id");
            var de = item.Scalar("de");
            var en = item.Scalar("en");
            var perLand = item.Scalar("perLand");
            if (id is null || de is null || en is null || perLand is not ("true" or "false"))
            {
                problems.Add($"{relative} (line {item.Start.Line}): id, de, en and perLand (true or false) are required.");
                continue;
            }

            if (result.Any(a => a.Id == id))
            {
                problems.Add($"{relative}: authority '{id}' is listed twice.");
                continue;
            }

            result.Add(new AuthorityType(id, de, en, perLand == "true"));
        }

        return result;
    }

    public static List<Occupation> LoadOccupations(string root, IReadOnlyList<AuthorityType> authorities, IReadOnlyCollection<string> languages, List<string> problems)
    {
        var result = new List<Occupation>();
        var folder = Path.Combine(root, "data", "occupations");
        if (!Directory.Exists(folder))
        {
            problems.Add("data/occupations/: missing.");
            return result;
        }

        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var relative = "data/occupations/" + Path.GetFileName(file);
            if (Yaml.Read(root, relative, problems) is not YamlSequenceNode list)
            {
                problems.Add($"{relative}: expected a list of occupations.");
                continue;
            }

            foreach (var item in list.Children)
            {
                if (Read(item, relative, authorities, languages, problems) is { } occupation)
                {
                    if (result.Any(o => o.Id == occupation.Id))
                    {
                        problems.Add($"{relative} (line {item.Start.Line}): occupation id '{occupation.Id}' is used twice.");
                        continue;
                    }

                    result.Add(occupation);
                }
            }
        }

        return result;
    }

    private static Occupation? Read(YamlNode item, string relative, IReadOnlyList<AuthorityType> authorities, IReadOnlyCollection<string> languages, List<string> problems)
    {
        var where = $"{relative} (line {item.Start.Line})";
        if (item is not YamlMappingNode map)
        {
            problems.Add($"{where}: each occupation must be a mapping.");
            return null;
        }

        var missing = RequiredFields.Where(f => !map.Keys().Contains(f)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{where}: missing {string.Join(", ", missing)}.");
            return null;
        }

        var id = map.Scalar("id")!;
        where = $"{relative}: occupation '{id}'";
        var ok = true;
        void Fail(string message)
        {
            problems.Add($"{where}: {message}");
            ok = false;
        }

        if (!Codes.TryParse<Regulation>(map.Scalar("regulation"), out var regulation))
        {
            Fail($"regulation must be one of {string.Join(", ", Codes.All<Regulation>())}.");
        }

        if (!Codes.TryParse<LawLevel>(map.Scalar("law"), out var law))
        {
            Fail($"law must be one of {string.Join(", ", Codes.All<LawLevel>())}.");
        }

        var authority = authorities.FirstOrDefault(a => a.Id == map.Scalar("authority"));
        if (authority is null)
        {
            Fail($"authority '{map.Scalar("authority")}' is not in data/authorities.yaml.");
        }

        var euAutomatic = map.Scalar("euAutomatic");
        if (euAutomatic is not ("true" or "false"))
        {
            Fail("euAutomatic must be true or false.");
        }

        var kldb = map.Scalar("kldb") ?? string.Empty;
        var isco = map.Scalar("isco") ?? string.Empty;
        if (kldb.Length != 5 || !kldb.All(char.IsAsciiDigit) || isco.Length != 4 || !isco.All(char.IsAsciiDigit))
        {
            Fail("kldb needs 5 digits and isco 4 digits.");
        }

        var names = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (map.Children[new YamlScalarNode("names")] is YamlMappingNode nameMap)
        {
            foreach (var language in nameMap.Keys())
            {
                names[language] = nameMap.List(language);
            }
        }

        foreach (var language in languages.Where(l => !names.TryGetValue(l, out var list) || list.Count == 0))
        {
            Fail($"names for '{language}' are missing.");
        }

        if (string.IsNullOrWhiteSpace(map.Scalar("source")))
        {
            Fail("source must say where the regulation fact comes from.");
        }

        return !ok ? null : new Occupation
        {
            Id = id,
            TitleDe = map.Scalar("titleDe")!,
            TitleDeMale = map.Scalar("titleDeMale")!,
            TitleDeFemale = map.Scalar("titleDeFemale")!,
            TitleEn = map.Scalar("titleEn")!,
            Sector = map.Scalar("sector")!,
            Regulation = regulation,
            ReasonDe = map.Scalar("reasonDe")!,
            ReasonEn = map.Scalar("reasonEn")!,
            Law = law,
            Authority = authority!,
            EuAutomatic = euAutomatic == "true",
            Kldb = kldb,
            Isco = isco,
            Source = map.Scalar("source")!,
            Names = names,
        };
    }
}
