using System.Globalization;
using IqTriageBot.Dialogs;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;

using LiveContent = IqTriageBot.Host.Hosting.LiveContent;

namespace IqTriageBot.Host.Advisors;

/// <summary>A row of the intake: label and value in the advisor's language, and what the person saw or wrote.</summary>
public sealed record IntakeRow(string Label, string Value, string? Original = null, bool Missing = false);

public sealed record IntakeSection(string Title, IReadOnlyList<IntakeRow> Rows);

/// <summary>The intake as advisors read it (e-mail, portal, print): sections in the order of an IQ first consultation.</summary>
public sealed record IntakeDocument(string Title, string Reference, IReadOnlyList<IntakeSection> Sections, string? Language = null);

/// <summary>
/// Builds the <see cref="IntakeDocument"/> of a booking: every answer in German (or English) with the
/// wording the person saw in their own language beside it, free text as written (and its translation where
/// one exists), missing answers shown as missing and never filled in.
/// </summary>
public sealed class IntakeDocuments(LiveContent live)
{
    public IntakeDocument Build(Booking booking, IntakeSnapshot? intake, string language = "de")
    {
        var content = live.Content;
        var portal = content.Portal.TryGetValue(language, out var p) ? p : content.Portal["de"];
        var texts = content.Catalogs[language];
        var person = intake is null ? null : content.FindLanguage(intake.Language) ?? content.FindMachineLanguage(intake.Language);
        var personTexts = person is null || person.Code == language || person.MachineTranslated ? null : content.Catalogs[person.Code];
        var answers = intake?.Answers ?? new TriageAnswers();
        var builder = new Rows(portal, texts, personTexts, answers, person, code => LanguageName(code, language));

        var sections = new List<IntakeSection>
        {
            new(portal.Format("intake.section.person"),
            [
                new IntakeRow(portal.Format("intake.field.name"), booking.Anonymous ? portal.Format("intake.anonymous") : booking.Name ?? portal.Format("intake.missing"), Missing: !booking.Anonymous && booking.Name is null),
                builder.Choice("contact"),
                builder.Plain("email", answers.Email),
                builder.Plain("phone", answers.Phone),
                new IntakeRow(portal.Format("intake.field.chatLanguage"), person is null ? portal.Format("intake.missing") : $"{(language == "de" ? person.GermanName : person.EnglishName)} ({person.Name})"),
            ]),
            new(portal.Format("intake.section.residence"),
            [
                builder.Choice("livesIn"),
                answers.Place is { } place
                    ? new IntakeRow(portal.Format("intake.field.place"), PlaceLabel.WithLand(place, content, texts))
                    : builder.Missing("place"),
                builder.Country("countryOfResidence", answers.CountryOfResidence, content, language),
                builder.Choice("residenceGroup"),
                builder.Choice("residenceStatus"),
                builder.Choice("nationality"),
                builder.Choice("ageGroup"),
                builder.Choice("benefits"),
            ]),
            new(portal.Format("intake.section.qualification"), Qualification(builder, portal, answers, language, intake)),
            new(portal.Format("intake.section.recognition"), [builder.Choice("recognitionStatus")]),
            new(portal.Format("intake.section.work"),
            [
                builder.Choice("concerns"),
                builder.Choice("workTopics"),
                builder.FreeText("workDetails", answers.WorkDetails, intake),
            ]),
            new(portal.Format("intake.section.flags"), [builder.Choice("redFlags")]),
            new(portal.Format("intake.section.language"),
            [
                builder.Choice("germanLevel"),
                new IntakeRow(portal.Format("intake.field.counsellingLanguage"), LanguageName(answers.CounsellingLanguage, language) ?? portal.Format("intake.missing"), Missing: answers.CounsellingLanguage is null),
                builder.Choice("mode"),
            ]),
            new(portal.Format("intake.section.consent"),
            [
                new IntakeRow(portal.Format("intake.field.consent"), intake?.ConsentVersion is { } version && intake.ConsentAt is { } at
                    ? $"{version}, {SlotPlanner.ToBerlin(at).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}"
                    : portal.Format("intake.missing"), Missing: intake?.ConsentVersion is null),
            ]),
            new(portal.Format("intake.section.recommendation"),
            [
                new IntakeRow(portal.Format("intake.field.services"), intake is null || intake.Recommendations.Count == 0
                    ? portal.Format("intake.missing")
                    : string.Join("\n", intake.Recommendations.Select(r => $"{texts.Format(TextKeys.ServiceName(r.Service))}: {texts.Format(TextKeys.ReasonText(r.Reason))}"))),
            ]),
            new(portal.Format("intake.section.booking"),
            [
                new IntakeRow(portal.Format("intake.field.bookingReference"), booking.Reference),
                new IntakeRow(portal.Format("intake.field.when"), booking.Start is { } start ? FormatWhen(start, language) : portal.Format("status.waiting")),
                new IntakeRow(portal.Format("intake.field.centre"), content.Data.Centres.Find(booking.CentreId)?.Name ?? booking.CentreId),
                new IntakeRow(portal.Format("intake.field.mode"), texts.Format("opt.mode." + Codes.Of(booking.Mode))),
                new IntakeRow(portal.Format("intake.field.status"), portal.Format("status." + Codes.Of(booking.Status))),
                new IntakeRow(portal.Format("intake.field.assignedTo"), booking.AssignedTo ?? portal.Format("detail.assign.nobody")),
            ]),
        };

        return new IntakeDocument(portal.Format("intake.title"), booking.Reference, sections, intake?.Language);
    }

    public static string FormatWhen(DateTimeOffset start, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language == "de" ? "de-DE" : "en-GB");
        return SlotPlanner.ToBerlin(start).ToString(language == "de" ? "dddd, dd.MM.yyyy, HH:mm 'Uhr'" : "dddd, d MMMM yyyy, HH:mm", culture);
    }

    private List<IntakeRow> Qualification(Rows builder, TextCatalog portal, TriageAnswers answers, string language, IntakeSnapshot? intake)
    {
        var rows = new List<IntakeRow> { builder.Choice("level") };
        if (answers.Occupation is { } given)
        {
            var languageName = LanguageName(given.Language, language) ?? given.Language;
            // In German when a translation was made, the person's own words beside it; otherwise their words, marked with the language.
            rows.Add(builder.Translated("occupation", given.Text, intake) is { } translated
                ? translated with { Original = $"{given.Text} ({languageName})" }
                : new IntakeRow(portal.Format("intake.field.occupation"), $"„{given.Text}“ ({languageName})"));
            if (live.Content.Data.Occupations.Find(given.OccupationId) is { } occupation)
            {
                var how = given.Match == OccupationMatch.Chosen
                    ? portal.Format("intake.chosen")
                    : portal.Format("intake.confidence", new Dictionary<string, string> { ["percent"] = Math.Round(given.Confidence * 100).ToString(CultureInfo.InvariantCulture) });
                rows.Add(new IntakeRow(portal.Format("intake.field.reference"), $"{occupation.TitleDe} ({how})"));
                rows.Add(new IntakeRow(portal.Format("intake.field.regulation"), $"{portal.Format("regulation." + Codes.Of(occupation.Regulation))}: {(language == "de" ? occupation.ReasonDe : occupation.ReasonEn)}"));
                rows.Add(new IntakeRow(portal.Format("intake.field.authority"), language == "de" ? occupation.Authority.NameDe : occupation.Authority.NameEn));
                rows.Add(new IntakeRow(portal.Format("intake.field.codes"), $"{occupation.Kldb} / {occupation.Isco}"));
            }
            else
            {
                rows.Add(new IntakeRow(portal.Format("intake.field.reference"),
                    portal.Format(given.Match == OccupationMatch.NoneOfThese ? "intake.none_of_these" : "intake.unclassified"), Missing: true));
            }
        }
        else
        {
            rows.Add(builder.Missing("occupation"));
        }

        rows.Add(builder.Country("qualificationCountry", answers.QualificationCountry, live.Content, language));
        rows.Add(builder.Choice("experience"));
        return rows;
    }

    private string? LanguageName(string? code, string language) =>
        (live.Content.FindLanguage(code) ?? live.Content.FindMachineLanguage(code)) is { } known ? (language == "de" ? known.GermanName : known.EnglishName)
        : live.Content.Data.LanguageNames.ByCode(code)?.NameIn(language) ?? code;

    /// <summary>Rows for the answers of the intake's fields.</summary>
    private sealed class Rows(TextCatalog portal, TextCatalog texts, TextCatalog? personTexts, TriageAnswers answers, LanguageInfo? person, Func<string?, string?> languageName)
    {
        public IntakeRow Missing(string field) =>
            new(Label(field), portal.Format(answers.Skipped.Contains(field) ? "intake.skipped" : "intake.missing"), Missing: true);

        /// <summary>A choice or multi-choice field: the option labels, also as the person saw them.</summary>
        public IntakeRow Choice(string field, string? labelField = null)
        {
            var codes = Fields.All[field].Read(answers);
            if (codes is not { Count: > 0 })
            {
                return Missing(field);
            }

            string Labels(TextCatalog catalog) => string.Join(", ", codes.Select(c => catalog.Texts.TryGetValue($"opt.{field}.{c}", out var l) ? l : c));
            return new IntakeRow(Label(labelField ?? field), Labels(texts), personTexts is null ? null : Labels(personTexts));
        }

        public IntakeRow Plain(string field, string? value) => value is null ? Missing(field) : new IntakeRow(Label(field), value);

        public IntakeRow FreeText(string field, string? value, IntakeSnapshot? intake)
        {
            if (value is null)
            {
                return Missing(field);
            }

            if (Translated(field, value, intake) is { } translated)
            {
                return translated;
            }

            return personTexts is null && person?.MachineTranslated != true
                ? new IntakeRow(Label(field), value)
                : new IntakeRow(Label(field), portal.Format("intake.translation_missing"), value);
        }

        /// <summary>The German translation of a free-text answer with its source language, and the answer as written; null without one.</summary>
        public IntakeRow? Translated(string field, string value, IntakeSnapshot? intake)
        {
            if (intake?.GermanTranslations.GetValueOrDefault(field) is not { } german || german == value)
            {
                return null;
            }

            var source = intake.TranslatedFrom.GetValueOrDefault(field) ?? intake.Language;
            var note = portal.Format("intake.machine_translated", new Dictionary<string, string> { ["language"] = languageName(source) ?? source });
            return new IntakeRow(Label(field), $"{german} ({note})", value);
        }

        public IntakeRow Country(string field, string? code, DialogContent content, string language) =>
            code is null ? Missing(field) : new IntakeRow(Label(field), content.Data.Countries.ByCode(code)?.NameIn(language) ?? code);

        private string Label(string field) => portal.Texts.TryGetValue("intake.field." + field, out var label) ? label : field;
    }
}
