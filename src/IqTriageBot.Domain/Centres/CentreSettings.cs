namespace IqTriageBot.Domain.Centres;

/// <summary>What a centre's administrator sets in the portal; it overrides the seed values of centres.yaml.</summary>
public sealed record CentreSettings(
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningHours>> Hours,
    int Capacity,
    int SessionMinutes,
    IReadOnlyList<string> Languages);

/// <summary>Persistence of centre settings made in the portal.</summary>
public interface ICentreSettingsStore
{
    Task<IReadOnlyDictionary<string, CentreSettings>> ReadAllAsync(CancellationToken cancellationToken);

    Task SaveAsync(string centreId, CentreSettings settings, DateTimeOffset now, CancellationToken cancellationToken);
}
