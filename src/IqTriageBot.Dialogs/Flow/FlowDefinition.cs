namespace IqTriageBot.Dialogs.Flow;

/// <summary>The kind of answer a question of flow.yaml takes, and so how it is asked and recognised.</summary>
public enum AskKind
{
    Choice,
    Multi,
    YesNo,
    Text,
    Place,
    Country,
    Email,
    Phone,
    Occupation,
    Language,

    /// <summary>Says something (its hook decides what) and goes on without waiting.</summary>
    Info,
    Summary,
    Result,

    /// <summary>Offers and books a first consultation with the responsible centre.</summary>
    Booking,

    /// <summary>The conversation stops here; "restart" is the way on.</summary>
    End,
}

/// <summary>
/// "Every clause holds": a clause is a field and the values it may have (any of them); for a multi-choice
/// field it holds when one of the chosen values is listed; the value "unset" matches an unanswered field.
/// </summary>
public sealed record Condition(IReadOnlyList<Clause> Clauses)
{
    public const string Unset = "unset";
}

public sealed record Clause(string Field, IReadOnlyList<string> Values);

/// <summary>An option of a choice question, offered only when its condition holds.</summary>
public sealed record FlowOption(string Value, Condition? When);

/// <summary>One question of the flow.</summary>
public sealed record FlowNode(
    string Id,
    AskKind Ask,
    string? Field,
    IReadOnlyList<FlowOption> Options,
    Condition? When,
    bool Optional,
    string? Hook,
    IReadOnlyList<string> Say,
    int Line)
{
    /// <summary>Whether the person answers this node (as opposed to info, summary, result and end).</summary>
    public bool TakesAnswer => Ask is not (AskKind.Info or AskKind.Summary or AskKind.Result or AskKind.Booking or AskKind.End);
}

/// <summary>The whole flow: its questions in order and the version of the consent text it asks for.</summary>
public sealed record FlowDefinition(string ConsentVersion, IReadOnlyList<FlowNode> Nodes)
{
    public FlowNode Node(string id) => Nodes.First(n => n.Id == id);

    public int IndexOf(string id)
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (Nodes[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Domain steps a node can call by id; the validator rejects any other id.</summary>
public static class Hooks
{
    public const string ClassifyOccupation = "classify-occupation";
    public const string OccupationVerdict = "occupation-verdict";
    public const string UrgentHelp = "urgent-help";
    public const string Route = "route";

    public static readonly IReadOnlyList<string> All = [ClassifyOccupation, OccupationVerdict, UrgentHelp, Route];
}
