using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Domain.Centres;

public enum Network { Iq, FairIntegration, Zsba }

public sealed record Address(string Street, string Postcode, string City)
{
    public override string ToString() => string.Join(", ", new[] { Street, $"{Postcode} {City}".Trim() }.Where(p => p.Length > 0));
}

/// <summary>A time range within a day, Europe/Berlin local time.</summary>
public sealed record OpeningHours(TimeOnly From, TimeOnly To);

/// <summary>
/// An advice centre from dialogs/data/centres.yaml. Contact fields are shown to people only when listed in
/// <see cref="Confirmed"/> (checked against a public source); operators see everything with its status.
/// </summary>
public sealed record Centre
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Network Network { get; init; }

    public required string NetworkName { get; init; }

    public string Provider { get; init; } = string.Empty;

    public required IReadOnlySet<Service> Services { get; init; }

    public required IReadOnlyList<string> Lands { get; init; }

    /// <summary>Leading postcode digits narrowing the area inside the Länder; empty: the whole Länder.</summary>
    public IReadOnlyList<string> PostcodePrefixes { get; init; } = [];

    public required Address Address { get; init; }

    public string Phone { get; init; } = string.Empty;

    public string Email { get; init; } = string.Empty;

    public string Website { get; init; } = string.Empty;

    public required IReadOnlyList<string> Languages { get; init; }

    public required IReadOnlySet<CounsellingMode> Modes { get; init; }

    public bool Anonymous { get; init; }

    public bool Bookable { get; init; } = true;

    public required IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningHours>> Hours { get; init; }

    public int SessionMinutes { get; init; } = 60;

    public int Capacity { get; init; } = 1;

    public required IReadOnlySet<string> Confirmed { get; init; }

    public string Source { get; init; } = string.Empty;

    public string Checked { get; init; } = string.Empty;

    public bool IsConfirmed(string field) => Confirmed.Contains(field);

    /// <summary>The contact points a person may be shown: confirmed and not empty.</summary>
    public string? PublicPhone => IsConfirmed("phone") && Phone.Length > 0 ? Phone : null;

    public string? PublicEmail => IsConfirmed("email") && Email.Length > 0 ? Email : null;

    public string? PublicWebsite => IsConfirmed("website") && Website.Length > 0 ? Website : null;

    public string? PublicAddress => IsConfirmed("address") && Address.Street.Length > 0 ? Address.ToString() : null;

    public bool Covers(string land, string? postcode) =>
        Lands.Contains(land) && (PostcodePrefixes.Count == 0 || (postcode is not null && PostcodePrefixes.Any(p => postcode.StartsWith(p, StringComparison.Ordinal))));
}

/// <summary>A service or referral target from dialogs/data/services.yaml, with its public contact points.</summary>
public sealed record ServiceInfo(string Id, string NameDe, string NameEn, string Website, string Phone, IReadOnlySet<string> Confirmed)
{
    public string? PublicWebsite => Confirmed.Contains("website") && Website.Length > 0 ? Website : null;

    public string? PublicPhone => Confirmed.Contains("phone") && Phone.Length > 0 ? Phone : null;
}
