namespace IqTriageBot.Dialogs.Flow;

/// <summary>
/// Checks that flow.yaml can run: known kinds, fields, options and hooks; every condition names a field that
/// an earlier question asks and a value that question offers (otherwise the node could never be reached);
/// nothing after an unconditional end. Also lists the text keys the flow needs in every catalog.
/// </summary>
public static class FlowValidator
{
    public static void Validate(FlowDefinition flow, ICollection<string> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var offered = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        string? terminatedBy = null;

        foreach (var node in flow.Nodes)
        {
            var where = $"flow.yaml (line {node.Line}): node '{node.Id}'";
            if (!ids.Add(node.Id))
            {
                problems.Add($"{where} is defined twice.");
            }

            if (node.Id.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
            {
                problems.Add($"{where}: ids use lower-case letters, digits and '_' only.");
            }

            if (terminatedBy is not null)
            {
                problems.Add($"{where} is unreachable: it comes after '{terminatedBy}', which ends every conversation.");
            }

            CheckCondition(node.When, offered, where, problems);
            CheckField(node, where, problems);

            if (node.Hook is { } hook && !Hooks.All.Contains(hook))
            {
                problems.Add($"{where} names unknown hook '{hook}' (known: {string.Join(", ", Hooks.All)}).");
            }

            if (node.Field is { } field && Fields.All.TryGetValue(field, out var spec))
            {
                if (!offered.TryGetValue(field, out var values))
                {
                    offered[field] = values = new HashSet<string>(StringComparer.Ordinal);
                }

                if (spec.Kind == AskKind.YesNo)
                {
                    values.UnionWith(["true", "false"]);
                }
                else if (spec.Kind is AskKind.Choice or AskKind.Multi)
                {
                    values.UnionWith(node.Options.Select(o => o.Value));
                }
                else
                {
                    values.Add("set");
                }

                foreach (var option in node.Options)
                {
                    CheckCondition(option.When, offered, $"{where}, option '{option.Value}'", problems);
                }
            }

            if (node.Ask == AskKind.End && node.When is null)
            {
                terminatedBy = node.Id;
            }
        }

        if (!flow.Nodes.Any(n => n.Ask == AskKind.Result))
        {
            problems.Add("flow.yaml: the flow needs a result node (ask: result).");
        }
    }

    /// <summary>The text keys the flow uses, which en.yaml (and so every catalog) must contain.</summary>
    public static IEnumerable<string> RequiredKeys(FlowDefinition flow)
    {
        foreach (var node in flow.Nodes)
        {
            if (node.TakesAnswer || node.Ask == AskKind.End)
            {
                yield return node.Id + ".ask";
                yield return node.Id + ".help";
            }

            foreach (var key in node.Say)
            {
                yield return key;
            }

            foreach (var option in node.Options)
            {
                yield return $"opt.{node.Field}.{option.Value}";
            }

            if (node.Field is { } field && field != "consent")
            {
                yield return "label." + field;
            }
        }
    }

    private static void CheckField(FlowNode node, string where, ICollection<string> problems)
    {
        if (!node.TakesAnswer)
        {
            if (node.Field is not null || node.Options.Count > 0)
            {
                problems.Add($"{where}: ask '{node.Ask.ToString().ToLowerInvariant()}' takes no field or options.");
            }

            return;
        }

        if (node.Field is null || !Fields.All.TryGetValue(node.Field, out var spec))
        {
            problems.Add($"{where}: field '{node.Field}' is not a field of the intake (known: {string.Join(", ", Fields.All.Keys)}).");
            return;
        }

        if (spec.Kind != node.Ask)
        {
            problems.Add($"{where}: field '{spec.Name}' is answered by ask '{spec.Kind.ToString().ToLowerInvariant()}', not '{node.Ask.ToString().ToLowerInvariant()}'.");
            return;
        }

        if (node.Ask is AskKind.Choice or AskKind.Multi)
        {
            if (node.Options.Count < 2)
            {
                problems.Add($"{where}: a {node.Ask.ToString().ToLowerInvariant()} needs at least two options.");
            }

            foreach (var option in node.Options)
            {
                if (!spec.Codes!.Contains(option.Value))
                {
                    problems.Add($"{where}: option '{option.Value}' is not a value of '{spec.Name}' (allowed: {string.Join(", ", spec.Codes!)}).");
                }
            }

            foreach (var duplicate in node.Options.GroupBy(o => o.Value).Where(g => g.Count() > 1))
            {
                problems.Add($"{where}: option '{duplicate.Key}' is listed twice.");
            }
        }
        else if (node.Options.Count > 0)
        {
            problems.Add($"{where}: only choice and multi questions have options.");
        }
    }

    private static void CheckCondition(Condition? condition, Dictionary<string, HashSet<string>> offered, string where, ICollection<string> problems)
    {
        foreach (var clause in condition?.Clauses ?? [])
        {
            if (!Fields.All.ContainsKey(clause.Field))
            {
                problems.Add($"{where}: condition on unknown field '{clause.Field}'.");
                continue;
            }

            if (!offered.TryGetValue(clause.Field, out var values))
            {
                problems.Add($"{where} is unreachable: its condition needs '{clause.Field}', which no earlier question asks.");
                continue;
            }

            var possible = clause.Values.Where(v => v == Condition.Unset || values.Contains(v)).ToList();
            foreach (var value in clause.Values.Except(possible))
            {
                problems.Add($"{where}: condition value '{value}' of '{clause.Field}' is never offered by an earlier question.");
            }

            if (possible.Count == 0)
            {
                problems.Add($"{where} is unreachable: no value of its condition on '{clause.Field}' can occur.");
            }
        }
    }
}
