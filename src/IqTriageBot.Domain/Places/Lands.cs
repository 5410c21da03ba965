namespace IqTriageBot.Domain.Places;

/// <summary>The 16 Länder by their ISO 3166-2:DE codes without the "DE-" prefix.</summary>
public static class Lands
{
    public static readonly IReadOnlyList<string> All = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

    public static bool IsLand(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
