using IqTriageBot.Dialogs.Content;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs;

/// <summary>Reads text/&lt;code&gt;.yaml catalogs and checks them against the reference catalog.</summary>
internal static class CatalogLoader
{
    public static Dictionary<string, TextCatalog> Load(string root, IEnumerable<LanguageInfo> languages, List<string> problems)
    {
        var catalogs = new Dictionary<string, TextCatalog>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var relative = $"text/{language.Code}.yaml";
            if (!File.Exists(Path.Combine(root, relative)))
            {
                problems.Add($"{relative}: missing (languages.yaml lists '{language.Code}').");
                continue;
            }

            catalogs[language.Code] = new TextCatalog(language.Code, ReadFlatMap(Yaml.Read(root, relative, problems), relative, problems));
        }

        return catalogs;
    }

    /// <summary>
    /// The reference must hold every required key; every other catalog exactly the reference's keys with the
    /// same placeholders.
    /// </summary>
    public static void Check(Dictionary<string, TextCatalog> catalogs, TextCatalog reference, IEnumerable<string> required, List<string> problems)
    {
        foreach (var key in required.Where(k => !reference.Texts.ContainsKey(k)))
        {
            problems.Add($"text/{reference.Language}.yaml: required key '{key}' is missing.");
        }

        foreach (var catalog in catalogs.Values.Where(c => c != reference))
        {
            foreach (var (key, text) in reference.Texts)
            {
                if (!catalog.Texts.TryGetValue(key, out var translated))
                {
                    problems.Add($"text/{catalog.Language}.yaml: key '{key}' is missing.");
                    continue;
                }

                if (!TextCatalog.PlaceholdersOf(text).SetEquals(TextCatalog.PlaceholdersOf(translated)))
                {
                    problems.Add($"text/{catalog.Language}.yaml: key '{key}' must use the placeholders of text/{reference.Language}.yaml.");
                }
            }

            foreach (var key in catalog.Texts.Keys.Where(k => !reference.Texts.ContainsKey(k)))
            {
                problems.Add($"text/{catalog.Language}.yaml: key '{key}' is not in text/{reference.Language}.yaml (typo?).");
            }
        }
    }

    private static Dictionary<string, string> ReadFlatMap(YamlNode? document, string relative, List<string> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is not YamlMappingNode map)
        {
            problems.Add($"{relative}: expected key: text pairs.");
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                problems.Add($"{relative}: key '{key}' must have a non-empty text.");
                continue;
            }

            result[key] = text.TrimEnd('\n');
        }

        return result;
    }
}
