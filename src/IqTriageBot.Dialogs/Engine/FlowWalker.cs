using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs;

/// <summary>Reads the flow against the answers: which nodes apply, which comes next, what the summary shows.</summary>
internal static class FlowWalker
{
    public static bool Holds(Condition? condition, TriageAnswers answers) =>
        condition is null || condition.Clauses.All(clause => Holds(clause, answers));

    public static bool Applies(FlowNode node, TriageAnswers answers) => Holds(node.When, answers);

    /// <summary>Options of a choice or multi node whose own condition holds.</summary>
    public static IEnumerable<FlowOption> Offered(FlowNode node, TriageAnswers answers) =>
        node.Options.Where(o => Holds(o.When, answers));

    /// <summary>The next node after <paramref name="index"/> that applies (or the last node).</summary>
    public static FlowNode? NextAfter(FlowDefinition flow, int index, DialogState state)
    {
        for (var i = index + 1; i < flow.Nodes.Count; i++)
        {
            var node = flow.Nodes[i];
            if (!Applies(node, state.Answers))
            {
                continue;
            }

            if (state.Editing && node.TakesAnswer && state.AnsweredBy.TryGetValue(node.Field!, out var by) && by == node.Id)
            {
                continue;
            }

            return node;
        }

        return null;
    }

    /// <summary>
    /// Drops answers whose node no longer applies (an earlier answer changed), in flow order, so that routing
    /// and the summary only see answers to questions on the current path.
    /// </summary>
    public static void Prune(FlowDefinition flow, DialogState state)
    {
        foreach (var node in flow.Nodes.Where(n => n.TakesAnswer))
        {
            if (state.AnsweredBy.TryGetValue(node.Field!, out var by) && by == node.Id && !Applies(node, state.Answers))
            {
                Fields.All[node.Field!].Write(state.Answers, null);
                state.Answers.Skipped.Remove(node.Field!);
                state.AnsweredBy.Remove(node.Field!);
            }
        }
    }

    /// <summary>The answered nodes on the current path, one per field, in flow order (for the summary).</summary>
    public static IReadOnlyList<FlowNode> AnsweredPath(FlowDefinition flow, DialogState state) =>
        flow.Nodes
            .Where(n => n.TakesAnswer && n.Field != "consent" && Applies(n, state.Answers)
                        && state.AnsweredBy.TryGetValue(n.Field!, out var by) && by == n.Id)
            .ToList();

    private static bool Holds(Clause clause, TriageAnswers answers)
    {
        var field = Fields.All[clause.Field];
        var values = answers.Skipped.Contains(field.Name) ? null : field.Read(answers);
        if (values is null || values.Count == 0)
        {
            return clause.Values.Contains(Condition.Unset);
        }

        return values.Any(clause.Values.Contains);
    }
}
