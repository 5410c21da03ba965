using IqTriageBot.Dialogs.Content;
using IqTriageBot.Domain.Text;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs;

/// <summary>Reads text/&lt;code&gt;.yaml catalogs and checks them against the reference catalog.</summary>
internal static class CatalogLoader
{
    /// <summary>Reads &lt;folder&gt;/&lt;code&gt;.yaml for each language code.</summary>
    public static Dictionary<string, TextCatalog> Load(string root, string folder, IEnumerable<string> languages, List<string> problems)
    {
        var catalogs = new Dictionary<string, TextCatalog>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var relative = $"{folder}/{language}.yaml";
            if (!File.Exists(Path.Combine(root, relative)))
            {
                problems.Add($"{relative}: missing (needed for '{language}').");
                continue;
            }

            catalogs[language] = new TextCatalog(language, ReadFlatMap(Yaml.Read(root, relative, problems), relative, problems));
        }

        return catalogs;
    }

    /// <summary>
    /// The reference must hold every required key; every other catalog exactly the reference's keys with the
    /// same placeholders. Accepted words of options (words.opt.…) are optional in every catalog.
    /// </summary>
    public static void Check(Dictionary<string, TextCatalog> catalogs, TextCatalog reference, IEnumerable<string> required, List<string> problems, string folder = "text")
    {
        foreach (var key in required.Where(k => !reference.Texts.ContainsKey(k)))
        {
            problems.Add($"{folder}/{reference.Language}.yaml: required key '{key}' is missing.");
        }

        foreach (var catalog in catalogs.Values.Where(c => c != reference))
        {
            foreach (var (key, text) in reference.Texts.Where(t => !TextKeys.IsAcceptedWords(t.Key)))
            {
                if (!catalog.Texts.TryGetValue(key, out var translated))
                {
                    problems.Add($"{folder}/{catalog.Language}.yaml: key '{key}' is missing.");
                    continue;
                }

                if (!TextCatalog.PlaceholdersOf(text).SetEquals(TextCatalog.PlaceholdersOf(translated)))
                {
                    problems.Add($"{folder}/{catalog.Language}.yaml: key '{key}' must use the placeholders of {folder}/{reference.Language}.yaml.");
                }
            }

            foreach (var key in catalog.Texts.Keys.Where(k => !reference.Texts.ContainsKey(k) && !TextKeys.IsAcceptedWords(k)))
            {
                problems.Add($"{folder}/{catalog.Language}.yaml: key '{key}' is not in {folder}/{reference.Language}.yaml (typo?).");
            }
        }
    }

    /// <summary>
    /// Every words.opt.&lt;field&gt;.&lt;value&gt; key must belong to an option that exists, and within one catalog no
    /// word may be accepted for two options of the same question.
    /// </summary>
    public static void CheckAcceptedWords(IEnumerable<TextCatalog> catalogs, IReadOnlySet<string> optionKeys, List<string> problems, string folder = "text")
    {
        foreach (var catalog in catalogs)
        {
            var file = $"{folder}/{catalog.Language}.yaml";
            var owners = new Dictionary<(string Field, string Word), string>();
            foreach (var (key, list) in catalog.Texts.Where(t => TextKeys.IsAcceptedWords(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var option = TextKeys.OptionOfAcceptedWords(key);
                if (!optionKeys.Contains(option))
                {
                    problems.Add($"{file}: key '{key}' lists words for the option '{option}', which is not an option of flow.yaml (opt.<field>.<value>) or of the summary (typo?).");
                    continue;
                }

                var field = option[..option.LastIndexOf('.')];
                foreach (var word in list.Split('|').Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Distinct())
                {
                    if (owners.TryGetValue((field, word), out var other))
                    {
                        problems.Add($"{file}: key '{key}' accepts '{word}', which '{other}' accepts too; a word may name only one option of a question.");
                        continue;
                    }

                    owners[(field, word)] = key;
                }
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
