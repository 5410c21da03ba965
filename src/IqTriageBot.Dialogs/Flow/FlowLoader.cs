using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs.Flow;

/// <summary>Reads flow.yaml into a <see cref="FlowDefinition"/>; shape errors are collected, not thrown.</summary>
public static class FlowLoader
{
    private static readonly HashSet<string> NodeKeys = ["id", "ask", "field", "options", "when", "optional", "hook", "say"];

    public static FlowDefinition? Read(YamlNode? document, ICollection<string> problems)
    {
        if (document is not YamlMappingNode root)
        {
            problems.Add("flow.yaml: expected consentVersion and nodes.");
            return null;
        }

        var consentVersion = Scalar(root, "consentVersion");
        if (string.IsNullOrWhiteSpace(consentVersion))
        {
            problems.Add("flow.yaml: consentVersion is required (the version of the consent text people agree to).");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("nodes"), out var nodesNode) || nodesNode is not YamlSequenceNode list)
        {
            problems.Add("flow.yaml: nodes must be a list of questions.");
            return null;
        }

        var nodes = new List<FlowNode>();
        foreach (var item in list.Children)
        {
            if (ReadNode(item, problems) is { } node)
            {
                nodes.Add(node);
            }
        }

        return new FlowDefinition(consentVersion ?? string.Empty, nodes);
    }

    private static FlowNode? ReadNode(YamlNode item, ICollection<string> problems)
    {
        var line = (int)item.Start.Line;
        if (item is not YamlMappingNode map)
        {
            problems.Add($"flow.yaml (line {line}): each node must be a mapping with id and ask.");
            return null;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).Where(k => !NodeKeys.Contains(k)))
        {
            problems.Add($"flow.yaml (line {line}): unknown key '{key}' (allowed: {string.Join(", ", NodeKeys)}).");
        }

        var id = Scalar(map, "id");
        var ask = Scalar(map, "ask");
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(ask))
        {
            problems.Add($"flow.yaml (line {line}): a node needs an id and an ask.");
            return null;
        }

        if (!Enum.TryParse<AskKind>(ask, ignoreCase: true, out var kind) || ask.Any(char.IsUpper))
        {
            problems.Add($"flow.yaml (line {line}): node '{id}' has unknown ask '{ask}' (use {string.Join(", ", Enum.GetNames<AskKind>().Select(n => n.ToLowerInvariant()))}).");
            return null;
        }

        var options = new List<FlowOption>();
        if (map.Children.TryGetValue(new YamlScalarNode("options"), out var optionsNode))
        {
            if (optionsNode is YamlSequenceNode optionList)
            {
                foreach (var option in optionList.Children)
                {
                    switch (option)
                    {
                        case YamlScalarNode { Value: { Length: > 0 } value }:
                            options.Add(new FlowOption(value, null));
                            break;
                        case YamlMappingNode optionMap when Scalar(optionMap, "value") is { Length: > 0 } value:
                            options.Add(new FlowOption(value, ReadCondition(optionMap, id, problems)));
                            break;
                        default:
                            problems.Add($"flow.yaml (line {option.Start.Line}): an option of '{id}' must be a value or {{ value, when }}.");
                            break;
                    }
                }
            }
            else
            {
                problems.Add($"flow.yaml (line {line}): options of '{id}' must be a list.");
            }
        }

        var say = map.Children.TryGetValue(new YamlScalarNode("say"), out var sayNode) && sayNode is YamlSequenceNode sayList
            ? sayList.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList()
            : [];

        var optional = Scalar(map, "optional");
        if (optional is not (null or "true" or "false"))
        {
            problems.Add($"flow.yaml (line {line}): optional of '{id}' must be true or false.");
        }

        return new FlowNode(id, kind, Scalar(map, "field"), options, ReadCondition(map, id, problems), optional == "true", Scalar(map, "hook"), say, line);
    }

    private static Condition? ReadCondition(YamlMappingNode map, string id, ICollection<string> problems)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("when"), out var whenNode))
        {
            return null;
        }

        if (whenNode is not YamlMappingNode whenMap)
        {
            problems.Add($"flow.yaml (line {whenNode.Start.Line}): when of '{id}' must map fields to values.");
            return null;
        }

        var clauses = new List<Clause>();
        foreach (var (key, value) in whenMap.Children)
        {
            var field = ((YamlScalarNode)key).Value ?? string.Empty;
            List<string> values = value switch
            {
                YamlScalarNode scalar => [scalar.Value ?? string.Empty],
                YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
                _ => [],
            };
            if (values.Count == 0)
            {
                problems.Add($"flow.yaml (line {key.Start.Line}): condition on '{field}' in '{id}' needs a value or a list of values.");
                continue;
            }

            clauses.Add(new Clause(field, values));
        }

        return new Condition(clauses);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
