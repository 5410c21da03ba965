using System.Globalization;
using System.Text.RegularExpressions;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Text;

namespace IqTriageBot.Dialogs;

/// <summary>Recognising answers, by kind of question.</summary>
public sealed partial class DialogEngine
{
    private const int MaxOccupationLength = 200;

    private Outcome Answer(Turn turn, FlowNode node, string? text)
    {
        if (node.Optional && IsSkip(turn, text))
        {
            return new Outcome.Accepted(Skip.Value);
        }

        return node.Ask switch
        {
            AskKind.Choice => ChoiceAnswer(turn, node, text),
            AskKind.Multi => MultiAnswer(turn, node, text),
            AskKind.YesNo => YesNo(turn, text) is { } yes ? new Outcome.Accepted(yes) : new Outcome.Rejected(TextKeys.RepromptYesNo),
            AskKind.Text => TextAnswer(text),
            AskKind.Place => PlaceAnswerOf(turn, text),
            AskKind.Country => content.Data.Countries.Match(text) is { } country ? new Outcome.Accepted(country.Code) : new Outcome.Rejected(TextKeys.RepromptCountry),
            AskKind.Email => Sequences.Email(text) is { } email ? new Outcome.Accepted(email) : new Outcome.Rejected(TextKeys.RepromptEmail),
            AskKind.Phone => Sequences.Phone(text) is { } phone ? new Outcome.Accepted(phone) : new Outcome.Rejected(TextKeys.RepromptPhone),
            AskKind.Occupation => OccupationAnswerOf(turn, text),
            AskKind.Language => CounsellingLanguage(turn, text) is { } code ? new Outcome.Accepted(code) : new Outcome.Rejected(TextKeys.RepromptLanguage),
            _ => new Outcome.Rejected(TextKeys.RepromptChoice),
        };
    }

    private static bool IsSkip(Turn turn, string? text) =>
        ChoiceMatcher.IsOneOf(text, [.. turn.Words(TextKeys.WordsSkip), turn.Catalog.Texts[TextKeys.OptSkip], SkipId]);

    private static bool? YesNo(Turn turn, string? text)
    {
        var normalized = ChoiceMatcher.Normalize(text);
        var first = normalized.Split(' ')[0];
        foreach (var candidate in new[] { normalized, first })
        {
            if (ChoiceMatcher.IsOneOf(candidate, [.. turn.Words(TextKeys.WordsYes), turn.Catalog.Texts[TextKeys.OptYes], "true"]))
            {
                return true;
            }

            if (ChoiceMatcher.IsOneOf(candidate, [.. turn.Words(TextKeys.WordsNo), turn.Catalog.Texts[TextKeys.OptNo], "false"]))
            {
                return false;
            }
        }

        return null;
    }

    private Outcome ChoiceAnswer(Turn turn, FlowNode node, string? text)
    {
        var choices = Choices(turn, node);
        var english = content.Catalogs[DialogContentLoader.ReferenceLanguage];
        var id = ChoiceMatcher.Match(text, choices, c => english.Texts.TryGetValue($"opt.{node.Field}.{c.Id}", out var label) ? [label] : [], c => turn.AcceptedWords($"opt.{node.Field}.{c.Id}"));
        return id is null || id == SkipId ? new Outcome.Rejected(TextKeys.RepromptChoice) : new Outcome.Accepted(id);
    }

    /// <summary>
    /// A choice as typed, else with a Persian word typed in two parts joined, as the label writes it with a
    /// zero-width non-joiner ("فوق لیسانس" for "فوق‌لیسانس"), when that fits exactly one choice.
    /// </summary>
    /// <summary>Adds what was chosen to the selection; "done" (or choosing the last, or an exclusive "none") ends it.</summary>
    private Outcome MultiAnswer(Turn turn, FlowNode node, string? text)
    {
        var selection = turn.State.Selection;
        var english = content.Catalogs[DialogContentLoader.ReferenceLanguage];
        IEnumerable<string> English(Choice c) => english.Texts.TryGetValue($"opt.{node.Field}.{c.Id}", out var label) ? [label] : [];
        IEnumerable<string> Accepted(Choice c) => turn.AcceptedWords($"opt.{node.Field}.{c.Id}");

        // Numbers refer to the buttons as shown (the options not chosen yet, then "done").
        var shown = Choices(turn, node);
        var picked = ChoiceMatcher.MatchMany(text, shown, English, Accepted).ToList();
        if (picked.Contains(DoneId) || ChoiceMatcher.IsOneOf(text, [.. turn.Words(TextKeys.WordsDone), turn.Catalog.Texts[TextKeys.OptDone], DoneId]))
        {
            return selection.Count > 0 ? new Outcome.Accepted(selection.ToList()) : new Outcome.Rejected(TextKeys.RepromptMulti);
        }

        var offered = FlowWalker.Offered(node, turn.State.Answers).Select(o => turn.Option(o.Value, $"opt.{node.Field}.{o.Value}")).ToList();
        if (picked.Count == 0)
        {
            picked = ChoiceMatcher.MatchMany(text, offered, English, Accepted).ToList();
        }

        if (picked.Count == 0 && ChoiceMatcher.Match(text, offered, English, Accepted) is { } joined)
        {
            picked = [joined];
        }

        picked.Remove(SkipId);
        if (picked.Count == 0)
        {
            return new Outcome.Rejected(TextKeys.RepromptMulti);
        }

        const string none = "none";
        if (picked.Contains(none))
        {
            if (selection.Count == 0)
            {
                return new Outcome.Accepted(new List<string> { none });
            }

            picked = picked.Where(p => p != none).ToList();
        }

        selection.AddRange(picked.Where(p => !selection.Contains(p)));
        if (node.Hook == Hooks.UrgentHelp && selection.Any(v => v != none))
        {
            ShowUrgentHelp(turn);
        }

        if (offered.All(o => o.Id == none || selection.Contains(o.Id)))
        {
            return new Outcome.Accepted(selection.ToList());
        }

        Prompt(turn, node, repeat: true);
        return Outcome.Wait;
    }

    private Outcome TextAnswer(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return new Outcome.Rejected(TextKeys.RepromptText);
        }

        return trimmed.Length > options.MaxTextLength
            ? new Outcome.Rejected(TextKeys.RepromptTextTooLong, new Dictionary<string, string> { ["max"] = options.MaxTextLength.ToString(CultureInfo.InvariantCulture) })
            : new Outcome.Accepted(trimmed);
    }

    /// <summary>
    /// A 5-digit postcode (also in Arabic or Persian digits, also inside "04109 Leipzig"), else a town name, also
    /// inside a sentence ("ich wohne in Leipzig", "живу в Гамбурге").
    /// </summary>
    private Outcome PlaceAnswerOf(Turn turn, string? text)
    {
        var western = TextNormalizer.WesternDigits(text ?? string.Empty).Trim();
        var postcode = Postcode().Match(western);
        if (postcode.Success)
        {
            var lands = content.Data.Postcodes.LandsOf(postcode.Value);
            switch (lands.Count)
            {
                case 0:
                    return new Outcome.Rejected(TextKeys.RepromptPlaceUnknown, new Dictionary<string, string> { ["postcode"] = postcode.Value });
                case 1:
                    return AcceptPlace(turn, new PlaceAnswer(lands[0], postcode.Value, null));
                default:
                    turn.State.Pending = Pending.PlaceLand;
                    turn.State.PendingOptions = [postcode.Value, .. lands];
                    turn.Add([TextKeys.PlaceWhichLand], turn.Text(TextKeys.PlaceWhichLand, "postcode", postcode.Value), lands.Select(l => turn.Option(l, TextKeys.Land(l))).ToList());
                    return Outcome.Wait;
            }
        }

        if (western.Any(char.IsAsciiDigit))
        {
            return new Outcome.Rejected(TextKeys.RepromptPlace);
        }

        var match = content.Data.Places.Recognize(western);
        var places = match.Places;
        var distinctLands = places.Select(p => p.Land).Distinct().ToList();
        return distinctLands.Count switch
        {
            0 => new Outcome.Rejected(TextKeys.RepromptPlace),
            1 => AcceptPlace(turn, new PlaceAnswer(places[0].Land, null, places[0].Name) { RoutingPostcode = places[0].Postcode }),
            _ => new Outcome.Rejected(TextKeys.RepromptPlaceAmbiguous, new Dictionary<string, string>
            {
                ["town"] = match.Name == TextNormalizer.Normalize(western) ? western : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(match.Name),
            }),
        };
    }

    /// <summary>Confirms the place with its Land; a city state ("Hamburg") is named once.</summary>
    private Outcome.Accepted AcceptPlace(Turn turn, PlaceAnswer place)
    {
        var text = PlaceLabel.Place(place, content, turn.Catalog);
        if (PlaceLabel.IsCityState(place, content))
        {
            turn.Say(TextKeys.PlaceConfirmedCityState, new Dictionary<string, string> { ["place"] = text });
        }
        else
        {
            turn.Say(TextKeys.PlaceConfirmed, new Dictionary<string, string>
            {
                ["place"] = text,
                ["land"] = turn.Catalog.Texts[TextKeys.Land(place.Land)],
            });
        }

        return new Outcome.Accepted(place);
    }

    /// <summary>The counselling language: an offered button, a catalog language, or any language known by one of its names.</summary>
    private string? CounsellingLanguage(Turn turn, string? text)
    {
        var offered = CounsellingLanguages(turn);
        var id = ChoiceMatcher.Match(text, offered, choice =>
        {
            var info = content.Language(choice.Id);
            return [info.EnglishName, info.GermanName];
        });
        return id ?? content.Data.LanguageNames.Match(text)?.Code;
    }

    private Outcome OccupationAnswerOf(Turn turn, string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || !trimmed.Any(char.IsLetter))
        {
            return new Outcome.Rejected(TextKeys.RepromptText);
        }

        if (trimmed.Length > MaxOccupationLength)
        {
            return new Outcome.Rejected(TextKeys.RepromptTextTooLong, new Dictionary<string, string> { ["max"] = MaxOccupationLength.ToString(CultureInfo.InvariantCulture) });
        }

        return Classify(turn, trimmed);
    }

    /// <summary>Confident: take it. Close candidates: ask which. Nothing: keep the text, unclassified.</summary>
    private Outcome Classify(Turn turn, string text)
    {
        var language = BaseLanguage(turn.Language.Code);
        var classification = content.Data.Occupations.Classifier.Classify(text, language);
        if (classification.IsConfident)
        {
            var best = classification.Best!;
            return new Outcome.Accepted(new OccupationAnswer(text, language, OccupationMatch.Confident, best.Occupation.Id, best.Score));
        }

        var candidates = classification.Plausible.Take(4).ToList();
        if (candidates.Count == 0)
        {
            return new Outcome.Accepted(new OccupationAnswer(text, language, OccupationMatch.Unclassified, null, classification.Best?.Score ?? 0));
        }

        turn.State.Pending = Pending.OccupationChoice;
        turn.State.PendingOptions = [text, .. candidates.Select(c => c.Occupation.Id)];
        ShowOccupationChoice(turn);
        return Outcome.Wait;
    }

    private void ShowOccupationChoice(Turn turn)
    {
        var choices = turn.State.PendingOptions.Skip(1)
            .Select(id => new Choice(id, OccupationLabel(turn, content.Data.Occupations.Find(id)!)))
            .Append(turn.Option(NoneOfTheseId, TextKeys.OccupationNoneOfThese))
            .ToList();
        turn.Add([TextKeys.OccupationClarify], turn.Text(TextKeys.OccupationClarify), choices);
    }

    public const string NoneOfTheseId = "none-of-these";

    /// <summary>The occupation as the person will recognise it: their language's name, then the German title.</summary>
    internal static string OccupationLabel(Turn turn, Domain.Occupations.Occupation occupation)
    {
        var language = BaseLanguage(turn.Language.Code);
        var local = language switch
        {
            "de" => null,
            "en" => occupation.TitleEn,
            _ => occupation.Names.TryGetValue(language, out var names) && names.Count > 0 ? names[0] : occupation.TitleEn,
        };
        return local is null ? occupation.TitleDe : $"{local} ({occupation.TitleDe})";
    }

    [GeneratedRegex(@"(?<!\d)\d{5}(?!\d)")]
    private static partial Regex Postcode();
}
