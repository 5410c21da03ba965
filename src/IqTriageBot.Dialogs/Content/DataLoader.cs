using IqTriageBot.Domain.Occupations;
using IqTriageBot.Domain.Places;

namespace IqTriageBot.Dialogs.Content;

/// <summary>Loads dialogs/data/: postcodes, places, countries, authorities and occupations.</summary>
internal static class DataLoader
{
    public static ReferenceData Load(string root, IReadOnlyCollection<string> nameLanguages, List<string> problems)
    {
        var postcodes = PostcodeDirectory.Parse(Lines(root, "data/postcodes.tsv", problems), problems, "data/postcodes.tsv");
        var places = PlaceDirectory.Parse(Lines(root, "data/places.tsv", problems), postcodes, problems, "data/places.tsv");
        var countries = CountryDirectory.Parse(Lines(root, "data/countries.tsv", problems), problems, "data/countries.tsv");
        var languageNames = LanguageDirectory.Parse(Lines(root, "data/language-names.tsv", problems), problems, "data/language-names.tsv");
        var authorities = OccupationLoader.LoadAuthorities(root, problems);
        var occupations = OccupationLoader.LoadOccupations(root, authorities, nameLanguages, problems);
        return new ReferenceData(postcodes, places, countries, languageNames, new OccupationCatalog(occupations, authorities), CentreLoader.Load(root, problems));
    }

    private static string[] Lines(string root, string relative, List<string> problems)
    {
        var file = Path.Combine(root, relative);
        if (File.Exists(file))
        {
            return File.ReadAllLines(file);
        }

        problems.Add($"{relative}: missing.");
        return [];
    }
}
