using System.Globalization;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Places;
using IqTriageBot.Domain.Routing;
using YamlDotNet.RepresentationModel;

namespace IqTriageBot.Dialogs.Content;

/// <summary>
/// Reads data/centres.yaml and data/services.yaml. Checks the values and the coverage the routing relies on:
/// every Land has an IQ recognition or qualification centre and exactly one Fair Integration centre.
/// </summary>
internal static class CentreLoader
{
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly HashSet<string> ConfirmableFields = ["name", "provider", "address", "phone", "email", "website", "languages", "hours", "sessionMinutes", "capacity", "modes", "nameDe", "nameEn"];

    public static CentreDirectory Load(string root, List<string> problems) =>
        new(LoadCentres(root, problems), LoadServices(root, problems));

    private static List<Centre> LoadCentres(string root, List<string> problems)
    {
        const string relative = "data/centres.yaml";
        var result = new List<Centre>();
        if (Yaml.Read(root, relative, problems) is not YamlSequenceNode list)
        {
            problems.Add($"{relative}: expected a list of centres.");
            return result;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            if (ReadCentre(item, relative, problems) is { } centre)
            {
                if (result.Any(c => c.Id == centre.Id))
                {
                    problems.Add($"{relative}: centre id '{centre.Id}' is used twice.");
                    continue;
                }

                result.Add(centre);
            }
        }

        foreach (var land in Lands.All)
        {
            if (!result.Any(c => c.Network == Network.Iq && c.Lands.Contains(land) && (c.Services.Contains(Service.Recognition) || c.Services.Contains(Service.Qualification))))
            {
                problems.Add($"{relative}: no IQ recognition or qualification centre covers {land}.");
            }

            var fair = result.Count(c => c.Network == Network.FairIntegration && c.Lands.Contains(land));
            if (fair != 1)
            {
                problems.Add($"{relative}: {land} needs exactly one Fair Integration centre (found {fair}).");
            }
        }

        return result;
    }

    private static Centre? ReadCentre(YamlMappingNode map, string relative, List<string> problems)
    {
        var id = map.Scalar("id");
        var where = $"{relative} (line {map.Start.Line}): centre '{id}'";
        var ok = true;
        void Fail(string message)
        {
            problems.Add($"{where}: {message}");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(map.Scalar("name")))
        {
            Fail("id and name are required.");
            return null;
        }

        if (!Codes.TryParse<Network>(map.Scalar("network"), out var network))
        {
            Fail($"network must be one of {string.Join(", ", Codes.All<Network>())}.");
        }

        var services = Parse<Service>(map.List("services"), "services", Fail);
        var modes = Parse<CounsellingMode>(map.List("modes"), "modes", Fail);
        var lands = map.List("lands");
        if (lands.Count == 0 || lands.Any(l => !Lands.IsLand(l)))
        {
            Fail("lands must list Land codes such as SN.");
        }

        var prefixes = map.List("postcodePrefixes");
        if (prefixes.Any(p => p.Length is < 1 or > 4 || !p.All(char.IsAsciiDigit)))
        {
            Fail("postcodePrefixes are 1 to 4 leading digits.");
        }

        var confirmed = map.List("confirmed").ToHashSet(StringComparer.Ordinal);
        foreach (var field in confirmed.Where(f => !ConfirmableFields.Contains(f)))
        {
            Fail($"confirmed names unknown field '{field}'.");
        }

        var hours = ReadHours(map, Fail);
        var sessionMinutes = Number(map.Scalar("sessionMinutes"), 60);
        var capacity = Number(map.Scalar("capacity"), 1);
        if (sessionMinutes is < 15 or > 240 || capacity is < 1 or > 50)
        {
            Fail("sessionMinutes must be 15-240 and capacity 1-50.");
        }

        var address = map.Children.TryGetValue(new YamlScalarNode("address"), out var addressNode) && addressNode is YamlMappingNode a
            ? new Address(a.Scalar("street") ?? string.Empty, a.Scalar("postcode") ?? string.Empty, a.Scalar("city") ?? string.Empty)
            : new Address(string.Empty, string.Empty, string.Empty);

        return !ok ? null : new Centre
        {
            Id = id,
            Name = map.Scalar("name")!,
            Network = network,
            NetworkName = map.Scalar("networkName") ?? string.Empty,
            Provider = map.Scalar("provider") ?? string.Empty,
            Services = services,
            Lands = lands,
            PostcodePrefixes = prefixes,
            Address = address,
            Phone = map.Scalar("phone") ?? string.Empty,
            Email = map.Scalar("email") ?? string.Empty,
            Website = map.Scalar("website") ?? string.Empty,
            Languages = map.List("languages"),
            Modes = modes,
            Anonymous = map.Scalar("anonymous") == "true",
            Bookable = map.Scalar("bookable") != "false",
            Hours = hours,
            SessionMinutes = sessionMinutes,
            Capacity = capacity,
            Confirmed = confirmed,
            Source = map.Scalar("source") ?? string.Empty,
            Checked = map.Scalar("checked") ?? string.Empty,
        };
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<OpeningHours>> ReadHours(YamlMappingNode map, Action<string> fail)
    {
        var result = new Dictionary<DayOfWeek, IReadOnlyList<OpeningHours>>();
        if (!map.Children.TryGetValue(new YamlScalarNode("hours"), out var node) || node is not YamlMappingNode hours)
        {
            return result;
        }

        foreach (var day in hours.Keys())
        {
            var index = Array.IndexOf(Days, day);
            if (index < 0)
            {
                fail($"hours: unknown day '{day}' (use {string.Join(", ", Days)}).");
                continue;
            }

            var ranges = new List<OpeningHours>();
            foreach (var range in hours.List(day))
            {
                var parts = range.Split('-');
                if (parts.Length == 2
                    && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                    && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                    && from < to)
                {
                    ranges.Add(new OpeningHours(from, to));
                }
                else
                {
                    fail($"hours: '{range}' on {day} is not a range like 09:00-12:00.");
                }
            }

            result[(DayOfWeek)index] = ranges;
        }

        return result;
    }

    private static List<ServiceInfo> LoadServices(string root, List<string> problems)
    {
        const string relative = "data/services.yaml";
        var result = new List<ServiceInfo>();
        if (Yaml.Read(root, relative, problems) is not YamlSequenceNode list)
        {
            problems.Add($"{relative}: expected a list of services.");
            return result;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            var id = item.Scalar("id");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(item.Scalar("nameDe")))
            {
                problems.Add($"{relative} (line {item.Start.Line}): id and nameDe are required.");
                continue;
            }

            if (result.Any(s => s.Id == id))
            {
                problems.Add($"{relative}: service '{id}' is listed twice.");
                continue;
            }

            result.Add(new ServiceInfo(id, item.Scalar("nameDe")!, item.Scalar("nameEn") ?? string.Empty, item.Scalar("website") ?? string.Empty,
                item.Scalar("phone") ?? string.Empty, item.List("confirmed").ToHashSet(StringComparer.Ordinal)));
        }

        return result;
    }

    private static HashSet<T> Parse<T>(IReadOnlyList<string> codes, string name, Action<string> fail)
        where T : struct, Enum
    {
        var result = new HashSet<T>();
        foreach (var code in codes)
        {
            if (Codes.TryParse<T>(code, out var value))
            {
                result.Add(value);
            }
            else
            {
                fail($"{name}: '{code}' is not one of {string.Join(", ", Codes.All<T>())}.");
            }
        }

        if (result.Count == 0)
        {
            fail($"{name} must list at least one value.");
        }

        return result;
    }

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
