using IqTriageBot.Dialogs.Content;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Places;
using IqTriageBot.Domain.Text;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs;

/// <summary>
/// Loads and validates dialogs/: languages.yaml, text/&lt;code&gt;.yaml, flow.yaml and data/. Every problem is
/// collected and reported together, so an editor sees all mistakes at once instead of one per restart.
/// </summary>
public static class DialogContentLoader
{
    public const string ReferenceLanguage = "en";

    /// <summary>The advisor portal speaks German and English (portal/de.yaml, portal/en.yaml).</summary>
    public static readonly IReadOnlyList<string> PortalLanguages = ["de", "en"];

    /// <summary>Languages offered through machine translation when a translator is configured (optional file).</summary>
    public const string MachineLanguagesFile = "machine-languages.yaml";

    public static DialogContent Load(string dialogsPath)
    {
        var problems = new List<string>();
        var root = Path.GetFullPath(dialogsPath);
        if (!Directory.Exists(root))
        {
            throw new DialogContentException([$"The dialogs folder '{dialogsPath}' does not exist."]);
        }

        var languages = LoadLanguages(Yaml.Read(root, "languages.yaml", problems), problems);
        var machine = File.Exists(Path.Combine(root, MachineLanguagesFile))
            ? LoadLanguages(Yaml.Read(root, MachineLanguagesFile, problems), problems, MachineLanguagesFile).Select(l => l with { MachineTranslated = true }).ToList()
            : [];
        foreach (var clash in machine.Where(m => languages.Any(l => l.Code == m.Code)))
        {
            problems.Add($"{MachineLanguagesFile}: '{clash.Code}' has a reviewed catalog in languages.yaml; list it in one file only.");
        }

        var flow = FlowLoader.Read(Yaml.Read(root, "flow.yaml", problems), problems);
        if (flow is not null)
        {
            FlowValidator.Validate(flow, problems);
        }

        var data = DataLoader.Load(root, languages.Select(l => l.Code).Where(c => !c.Contains('-', StringComparison.Ordinal)).ToList(), problems);
        var catalogs = CatalogLoader.Load(root, "text", languages.Select(l => l.Code), problems);
        if (catalogs.TryGetValue(ReferenceLanguage, out var reference))
        {
            var required = TextKeys.All()
                .Concat(flow is null ? [] : FlowValidator.RequiredKeys(flow))
                .Concat(data.Occupations.Authorities.Select(a => TextKeys.Authority(a.Id)))
                .Distinct();
            CatalogLoader.Check(catalogs, reference, required, problems);
            if (flow is not null)
            {
                var options = FlowValidator.RequiredKeys(flow).Where(k => k.StartsWith("opt.", StringComparison.Ordinal))
                    .Append(TextKeys.OptSummaryCorrect).Append(TextKeys.OptSummaryChange)
                    .ToHashSet(StringComparer.Ordinal);
                CatalogLoader.CheckAcceptedWords(catalogs.Values, options, problems);
            }
        }
        else
        {
            problems.Add($"text/{ReferenceLanguage}.yaml: the English catalog is the reference for all others and must exist.");
        }

        var portal = CatalogLoader.Load(root, "portal", PortalLanguages, problems);
        if (portal.TryGetValue(ReferenceLanguage, out var portalReference))
        {
            CatalogLoader.Check(portal, portalReference, [], problems, "portal");
        }

        if (problems.Count > 0)
        {
            throw new DialogContentException(problems);
        }

        return new DialogContent(languages, catalogs, ReferenceLanguage, flow!, data) { Portal = portal, MachineLanguages = machine };
    }

    private static List<LanguageInfo> LoadLanguages(YamlNode? document, List<string> problems, string file = "languages.yaml")
    {
        var result = new List<LanguageInfo>();
        if (document is not YamlSequenceNode list)
        {
            problems.Add($"{file}: expected a list of languages.");
            return result;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            var code = item.Scalar("code");
            var name = item.Scalar("name");
            var english = item.Scalar("english");
            var german = item.Scalar("german");
            var dir = item.Scalar("dir") ?? "ltr";
            var locale = item.Scalar("locale");
            if (code is null || name is null || english is null || german is null || locale is null)
            {
                problems.Add($"{file} (line {item.Start.Line}): code, name, english, german and locale are required.");
                continue;
            }

            if (dir is not ("ltr" or "rtl"))
            {
                problems.Add($"{file}: '{code}' has dir '{dir}'; use ltr or rtl.");
            }

            if (result.Any(l => l.Code == code))
            {
                problems.Add($"{file}: '{code}' is listed twice.");
                continue;
            }

            result.Add(new LanguageInfo(code, name, english, german, dir == "rtl", locale) { Aliases = Aliases(item, code, file, problems) });
        }

        CheckAliases(result, file, problems);
        return result;
    }

    /// <summary>The optional <c>aliases:</c> list of a language: a list of non-empty names.</summary>
    private static List<string> Aliases(YamlMappingNode item, string code, string file, List<string> problems)
    {
        if (!item.Children.TryGetValue(new YamlScalarNode("aliases"), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode))
        {
            problems.Add($"{file}: '{code}' has aliases that are not a list of names; write aliases: [Name, Other name].");
            return [];
        }

        var aliases = list.Children.Cast<YamlScalarNode>().Select(s => s.Value?.Trim() ?? string.Empty).ToList();
        if (aliases.Any(a => TextNormalizer.Normalize(a).Length < 2))
        {
            problems.Add($"{file}: '{code}' has an empty or one-letter alias.");
        }

        return aliases.Where(a => TextNormalizer.Normalize(a).Length >= 2).ToList();
    }

    /// <summary>An alias must point to one language: it may not be a name, code or alias of another one.</summary>
    private static void CheckAliases(List<LanguageInfo> languages, string file, List<string> problems)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            foreach (var name in new[] { language.Code, language.Name, language.EnglishName, language.GermanName }.Select(TextNormalizer.Normalize).Distinct())
            {
                owners.TryAdd(name, language.Code);
            }
        }

        foreach (var language in languages)
        {
            foreach (var alias in language.Aliases)
            {
                var key = TextNormalizer.Normalize(alias);
                if (owners.TryGetValue(key, out var owner) && owner != language.Code)
                {
                    problems.Add($"{file}: the alias '{alias}' of '{language.Code}' is also a name of '{owner}'; an alias must name one language.");
                    continue;
                }

                owners.TryAdd(key, language.Code);
            }
        }
    }
}
