using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs.Content;

/// <summary>Reading YAML files of dialogs/ with every syntax error reported as a problem, not thrown.</summary>
internal static class Yaml
{
    public static YamlNode? Read(string root, string relative, ICollection<string> problems)
    {
        var file = Path.Combine(root, relative);
        if (!File.Exists(file))
        {
            problems.Add($"{relative}: missing.");
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
            problems.Add($"{relative} (line {e.Start.Line}): {e.Message}");
            return null;
        }
    }

    public static string? Scalar(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    public static IReadOnlyList<string> List(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0).ToList()
            : [];

    public static IEnumerable<string> Keys(this YamlMappingNode map) =>
        map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);
}
