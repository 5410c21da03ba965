using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs;

/// <summary>
/// Loads and validates dialogs/: languages.yaml and text/&lt;code&gt;.yaml. Every problem is collected and
/// reported together, so an editor sees all mistakes at once instead of one per restart.
/// </summary>
public static class DialogContentLoader
{
    /// <summary>Texts the engine itself uses; a catalog missing any of them is rejected.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys = TextKeys.All;

    public static DialogContent Load(string dialogsPath)
    {
        var problems = new List<string>();
        var root = Path.GetFullPath(dialogsPath);
        if (!Directory.Exists(root))
        {
            throw new DialogContentException([$"The dialogs folder '{dialogsPath}' does not exist."]);
        }

        var languages = LoadLanguages(Path.Combine(root, "languages.yaml"), problems);
        var catalogs = new Dictionary<string, TextCatalog>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var file = Path.Combine(root, "text", language.Code + ".yaml");
            if (!File.Exists(file))
            {
                problems.Add($"text/{language.Code}.yaml: missing (languages.yaml lists '{language.Code}').");
                continue;
            }

            var texts = ReadFlatMap(file, problems);
            catalogs[language.Code] = new TextCatalog(language.Code, texts);
        }

        const string reference = "en";
        if (catalogs.TryGetValue(reference, out var referenceCatalog))
        {
            CheckCatalogs(catalogs, referenceCatalog, problems);
        }
        else
        {
            problems.Add("text/en.yaml: the English catalog is the reference for all others and must exist.");
        }

        if (problems.Count > 0)
        {
            throw new DialogContentException(problems);
        }

        return new DialogContent(languages, catalogs, reference);
    }

    private static void CheckCatalogs(Dictionary<string, TextCatalog> catalogs, TextCatalog reference, List<string> problems)
    {
        foreach (var key in RequiredKeys.Where(k => !reference.Texts.ContainsKey(k)))
        {
            problems.Add($"text/en.yaml: required key '{key}' is missing.");
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
                    problems.Add($"text/{catalog.Language}.yaml: key '{key}' must use the placeholders of text/en.yaml.");
                }
            }

            foreach (var key in catalog.Texts.Keys.Where(k => !reference.Texts.ContainsKey(k)))
            {
                problems.Add($"text/{catalog.Language}.yaml: key '{key}' is not in text/en.yaml (typo?).");
            }
        }
    }

    private static List<LanguageInfo> LoadLanguages(string file, List<string> problems)
    {
        var result = new List<LanguageInfo>();
        var document = ReadYaml(file, problems);
        if (document is not YamlSequenceNode list)
        {
            problems.Add("languages.yaml: expected a list of languages.");
            return result;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            string? Field(string name) =>
                item.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

            var code = Field("code");
            var name = Field("name");
            var english = Field("english");
            var german = Field("german");
            var dir = Field("dir") ?? "ltr";
            var locale = Field("locale");
            if (code is null || name is null || english is null || german is null || locale is null)
            {
                problems.Add($"languages.yaml (line {item.Start.Line}): code, name, english, german and locale are required.");
                continue;
            }

            if (dir is not ("ltr" or "rtl"))
            {
                problems.Add($"languages.yaml: '{code}' has dir '{dir}'; use ltr or rtl.");
            }

            if (result.Any(l => l.Code == code))
            {
                problems.Add($"languages.yaml: '{code}' is listed twice.");
                continue;
            }

            result.Add(new LanguageInfo(code, name, english, german, dir == "rtl", locale));
        }

        return result;
    }

    private static Dictionary<string, string> ReadFlatMap(string file, List<string> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var relative = "text/" + Path.GetFileName(file);
        if (ReadYaml(file, problems) is not YamlMappingNode map)
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

    private static YamlNode? ReadYaml(string file, List<string> problems)
    {
        if (!File.Exists(file))
        {
            problems.Add($"{Path.GetFileName(file)}: missing.");
            return null;
        }

        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            problems.Add($"{Path.GetFileName(file)} (line {e.Start.Line}): {e.Message}");
            return null;
        }
    }
}
