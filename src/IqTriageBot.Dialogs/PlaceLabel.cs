using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Text;

namespace IqTriageBot.Dialogs;

/// <summary>
/// How a place reads for a person or an advisor: "04109 Leipzig, Sachsen". A city state is one place, so its
/// town is named once: "Hamburg", not "Hamburg, Hamburg".
/// </summary>
public static class PlaceLabel
{
    /// <summary>Whether the town is the Land itself (Berlin, Hamburg, Bremen; Bremerhaven is not).</summary>
    public static bool IsCityState(PlaceAnswer place, DialogContent content) =>
        place.Town is { Length: > 0 } town
        && content.Catalogs.TryGetValue("de", out var german)
        && german.Texts.TryGetValue(TextKeys.Land(place.Land), out var landName)
        && TextNormalizer.Normalize(town) == TextNormalizer.Normalize(landName);

    /// <summary>Postcode and town as typed ("04109", "Leipzig"), or for a city state the Land's name in the catalog's language.</summary>
    public static string Place(PlaceAnswer place, DialogContent content, TextCatalog catalog)
    {
        var town = IsCityState(place, content) ? catalog.Texts[TextKeys.Land(place.Land)] : place.Town;
        return string.Join(' ', new[] { place.Postcode, town }.Where(s => !string.IsNullOrEmpty(s)));
    }

    /// <summary>The place with its Land: "04109 Leipzig, Sachsen", "20095, Hamburg", and for a city state only "Hamburg".</summary>
    public static string WithLand(PlaceAnswer place, DialogContent content, TextCatalog catalog)
    {
        var text = Place(place, content, catalog);
        return IsCityState(place, content) ? text : $"{text}, {catalog.Texts[TextKeys.Land(place.Land)]}".TrimStart(',', ' ');
    }
}
