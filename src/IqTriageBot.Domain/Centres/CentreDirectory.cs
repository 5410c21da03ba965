using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Domain.Centres;

/// <summary>The advice centres and referral services, and the choice of the centre responsible for a person.</summary>
public sealed class CentreDirectory(IReadOnlyList<Centre> centres, IReadOnlyList<ServiceInfo> services)
{
    private readonly IReadOnlyList<Centre> _seed = centres;
    private volatile IReadOnlyList<Centre> _centres = centres;

    /// <summary>The centres with the settings their administrators made (see <see cref="Apply"/>).</summary>
    public IReadOnlyList<Centre> Centres => _centres;

    /// <summary>Overlays the portal's settings on the seed values of centres.yaml (whole set at once).</summary>
    public void Apply(IReadOnlyDictionary<string, CentreSettings> settings) =>
        _centres = _seed.Select(centre => settings.TryGetValue(centre.Id, out var own)
            ? centre with
            {
                Hours = own.Hours,
                Capacity = own.Capacity,
                SessionMinutes = own.SessionMinutes,
                Languages = own.Languages,
                Confirmed = new HashSet<string>(centre.Confirmed.Concat(["hours", "capacity", "sessionMinutes", "languages"])),
            }
            : centre).ToList();

    public IReadOnlyList<ServiceInfo> Services { get; } = services;

    public Centre? Find(string? id) => Centres.FirstOrDefault(c => c.Id == id);

    public ServiceInfo? Service(string id) => Services.FirstOrDefault(s => s.Id == id);

    /// <summary>
    /// The centres that may counsel the person for <paramref name="service"/>, best first. Responsible are the
    /// centres of the service in the person's Land whose area (postcode prefixes) covers the postcode, else those
    /// covering the whole Land. For phone or video, every centre of the same network in that Land may serve.
    /// Ranked by counselling language, then by the mode asked for.
    /// </summary>
    public IReadOnlyList<Centre> Responsible(Service service, string land, string? postcode, string? language, CounsellingMode? mode)
    {
        var offering = Centres.Where(c => c.Services.Contains(service) && c.Lands.Contains(land)).ToList();
        var local = offering.Where(c => c.PostcodePrefixes.Count > 0 && c.Covers(land, postcode)).ToList();
        if (local.Count == 0)
        {
            local = offering.Where(c => c.PostcodePrefixes.Count == 0).ToList();
        }

        if (local.Count == 0)
        {
            local = offering;
        }

        var candidates = local;
        if (mode is CounsellingMode.Phone or CounsellingMode.Video)
        {
            var networks = local.Select(c => c.NetworkName).ToHashSet();
            candidates = offering.Where(c => networks.Contains(c.NetworkName) && c.Modes.Contains(mode.Value)).Union(local).ToList();
        }

        return candidates
            .OrderByDescending(c => language is not null && c.Languages.Contains(language) ? 2 : 0)
            .ThenByDescending(c => mode is null or CounsellingMode.Any || c.Modes.Contains(mode.Value) ? 1 : 0)
            .ThenByDescending(c => local.Contains(c) ? 1 : 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The ZSBA entry (for people abroad), if the directory has one.</summary>
    public Centre? Zsba => Centres.FirstOrDefault(c => c.Network == Network.Zsba);
}
