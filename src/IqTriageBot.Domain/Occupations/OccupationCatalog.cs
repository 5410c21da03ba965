namespace IqTriageBot.Domain.Occupations;

/// <summary>The occupation table of dialogs/data/occupations/ with its authority types and classifier.</summary>
public sealed class OccupationCatalog
{
    private readonly Dictionary<string, Occupation> _byId;

    public OccupationCatalog(IReadOnlyList<Occupation> occupations, IReadOnlyList<AuthorityType> authorities)
    {
        Occupations = occupations;
        Authorities = authorities;
        _byId = occupations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        Classifier = new OccupationClassifier(occupations);
    }

    public IReadOnlyList<Occupation> Occupations { get; }

    public IReadOnlyList<AuthorityType> Authorities { get; }

    public OccupationClassifier Classifier { get; }

    public Occupation? Find(string? id) => id is not null && _byId.TryGetValue(id, out var occupation) ? occupation : null;
}
