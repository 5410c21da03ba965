using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Dialogs;

/// <summary>
/// dialogs/ is checked at start-up: these tests break a copy in the ways editors do and expect every
/// mistake to be reported at once, naming the file and the key, node, field or row.
/// </summary>
public sealed class DialogContentLoaderTests : IDisposable
{
    private readonly TempDirectory _copy = new();

    public DialogContentLoaderTests() => CopyFolder(RepoPaths.Dialogs, _copy.Path);

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void Repository_dialogs_load_with_every_language_flow_and_data()
    {
        var content = DialogContentLoader.Load(RepoPaths.Dialogs);

        Assert.Equal(["de", "de-plain", "en", "ar", "uk", "ru", "tr", "fa", "fr", "es", "pl", "ro"], content.Languages.Select(l => l.Code));
        Assert.Equal(["ar", "fa"], content.Languages.Where(l => l.IsRightToLeft).Select(l => l.Code));
        var keys = content.Catalogs["en"].Texts.Keys.Where(k => !TextKeys.IsAcceptedWords(k)).ToHashSet();
        Assert.All(TextKeys.All(), key => Assert.Contains(key, keys));
        Assert.All(content.Catalogs.Values, catalog => Assert.True(catalog.Texts.Keys.Where(k => !TextKeys.IsAcceptedWords(k)).ToHashSet().SetEquals(keys), $"{catalog.Language} differs from en"));
        Assert.True(content.Data.Occupations.Occupations.Count >= 200);
        Assert.True(content.Data.Postcodes.Count > 8000);
        Assert.True(content.Data.Countries.All.Count > 240);
        Assert.Equal("result", content.Flow.Nodes.Single(n => n.Ask == IqTriageBot.Dialogs.Flow.AskKind.Result).Id);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        RemoveKey("de", "lives_in.ask");
        Edit("text/fr.yaml", text => text.Replace("{language}", "{langue}", StringComparison.Ordinal));
        Edit("text/tr.yaml", text => text + "\ngreetng: Merhaba\n");
        Edit("flow.yaml", text => text.Replace("hook: route", "hook: rout", StringComparison.Ordinal));
        Edit("data/countries.tsv", text => text + "XX\tnowhere\tNirgendwo\n");

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        Assert.Equal(5, error.Problems.Count);
        AssertProblem(error, "text/de.yaml", "'lives_in.ask'");
        AssertProblem(error, "text/fr.yaml", "'language_set'");
        AssertProblem(error, "text/tr.yaml", "'greetng'");
        AssertProblem(error, "flow.yaml", "unknown hook 'rout'");
        AssertProblem(error, "data/countries.tsv", "expected code, group");
    }

    [Fact]
    public void A_question_whose_condition_needs_a_later_answer_is_unreachable()
    {
        // nationality is asked after residence; moving it before concerns makes its condition unanswerable.
        Edit("flow.yaml", text =>
        {
            var start = text.IndexOf("  - id: nationality", StringComparison.Ordinal);
            var end = text.IndexOf("  - id: age_group", StringComparison.Ordinal);
            var block = text[start..end];
            var moved = text.Remove(start, end - start);
            var at = moved.IndexOf("  - id: concerns", StringComparison.Ordinal);
            return moved.Insert(at, block);
        });

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "node 'nationality'", "unreachable");
    }

    [Fact]
    public void Questions_after_an_unconditional_end_are_unreachable()
    {
        Edit("flow.yaml", text => text.Replace("    when: { consent: false }\n", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "node 'lives_in'", "unreachable");
    }

    [Fact]
    public void Options_and_condition_values_must_be_values_of_the_field()
    {
        Edit("flow.yaml", text => text
            .Replace("options: [germany, abroad]", "options: [germany, abroad, moon]", StringComparison.Ordinal)
            .Replace("when: { livesIn: abroad }", "when: { livesIn: mars }", StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "node 'lives_in'", "option 'moon'");
        AssertProblem(error, "node 'country_of_residence'", "'mars'");
    }

    [Fact]
    public void A_new_language_needs_its_catalog_and_the_occupation_names_in_it()
    {
        Edit("languages.yaml", text => text + "- { code: it, name: Italiano, english: Italian, german: Italienisch, dir: ltr, locale: it-IT }\n");

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "text/it.yaml", "missing");
        AssertProblem(error, "occupation 'doctor'", "names for 'it' are missing");
    }

    [Fact]
    public void Key_missing_from_the_reference_catalog_is_reported()
    {
        RemoveKey("en", TextKeys.TurnFailed);

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "text/en.yaml", "'turn_failed'");
    }

    [Fact]
    public void Accepted_words_are_optional_in_every_catalog()
    {
        foreach (var language in new[] { "en", "de", "fa" })
        {
            Edit($"text/{language}.yaml", text => string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("words.opt.", StringComparison.Ordinal))));
        }

        var content = DialogContentLoader.Load(_copy.Path);

        Assert.DoesNotContain(content.Catalogs["de"].Texts.Keys, TextKeys.IsAcceptedWords);
        Assert.Contains("words.opt.level.master", content.Catalogs["fr"].Texts.Keys);
    }

    [Fact]
    public void Accepted_words_for_an_option_that_does_not_exist_are_reported()
    {
        Edit("text/fr.yaml", text => text + "\nwords.opt.level.phd: doctorat\nwords.opt.levle.master: master\n");

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        Assert.Equal(2, error.Problems.Count);
        AssertProblem(error, "text/fr.yaml", "'words.opt.level.phd' lists words for the option 'opt.level.phd', which is not an option of flow.yaml");
        AssertProblem(error, "text/fr.yaml", "'words.opt.levle.master'");
    }

    [Fact]
    public void A_word_accepted_for_two_options_of_a_question_is_reported()
    {
        Edit("text/es.yaml", text => text.Replace("words.opt.mode.phone: teléfono|", "words.opt.mode.phone: teléfono|presencial|", StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "text/es.yaml", "accepts 'presencial', which 'words.opt.mode.in-person' accepts too");
    }

    [Fact]
    public void Broken_yaml_is_reported_not_thrown_raw()
    {
        Edit("text/pl.yaml", text => text + "\n  : [unclosed\n");

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        Assert.Contains(error.Problems, p => p.Contains("pl.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Occupation_rows_are_checked_against_the_schema()
    {
        Edit("data/occupations/health.yaml", text => text
            .Replace("regulation: regulated", "regulation: maybe", StringComparison.Ordinal)
            .Replace("authority: approbation-authority", "authority: nobody", StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "data/occupations/health.yaml", "regulation must be one of");
        AssertProblem(error, "data/occupations/health.yaml", "authority 'nobody'");
    }

    [Fact]
    public void Every_Land_needs_exactly_one_Fair_Integration_centre()
    {
        Edit("data/centres.yaml", text => text.Replace(
            "- id: fi-sn\n  name: \"Faire Integration Sachsen\"\n  network: fair-integration",
            "- id: fi-sn\n  name: \"Faire Integration Sachsen\"\n  network: iq",
            StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "data/centres.yaml", "SN needs exactly one Fair Integration centre");
    }

    [Fact]
    public void A_town_whose_postcode_is_in_another_Land_is_reported()
    {
        Edit("data/places.tsv", text => text.Replace("Leipzig\tSN\t04109", "Leipzig\tBY\t04109", StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "data/places.tsv", "04109 of Leipzig");
    }

    [Fact]
    public void Language_aliases_are_loaded_from_languages_yaml()
    {
        var content = DialogContentLoader.Load(RepoPaths.Dialogs);

        Assert.Contains("Farsi", content.Language("fa").Aliases);
        Assert.Contains("leichte Sprache", content.Language("de-plain").Aliases);
    }

    [Fact]
    public void An_alias_that_names_another_language_is_reported()
    {
        Edit("languages.yaml", text => text.Replace("aliases: [Farsi,", "aliases: [Arabisch, Farsi,", StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "languages.yaml", "'Arabisch' of 'fa' is also a name of 'ar'");
    }

    [Fact]
    public void Aliases_that_are_not_a_list_of_names_are_reported()
    {
        Edit("languages.yaml", text => text.Replace("aliases: [Farsi,", "aliases: { Farsi: 1 }, other: [", StringComparison.Ordinal));

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(error, "languages.yaml", "'fa' has aliases that are not a list of names");
    }

    private static void AssertProblem(DialogContentException error, string file, string key) =>
        Assert.True(
            error.Problems.Any(p => p.Contains(file, StringComparison.Ordinal) && p.Contains(key, StringComparison.Ordinal)),
            $"No problem names {file} and {key}; got:{Environment.NewLine}{string.Join(Environment.NewLine, error.Problems)}");

    /// <summary>Removes a top-level key and its folded continuation lines.</summary>
    private void RemoveKey(string language, string key)
    {
        var file = Path.Combine(_copy.Path, "text", language + ".yaml");
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in File.ReadAllLines(file))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                skipping = true;
                continue;
            }

            if (skipping && line.StartsWith(' '))
            {
                continue;
            }

            skipping = false;
            kept.Add(line);
        }

        Assert.NotEqual(File.ReadAllLines(file).Length, kept.Count);
        File.WriteAllLines(file, kept);
    }

    private void Edit(string relative, Func<string, string> change)
    {
        var file = Path.Combine(_copy.Path, relative);
        var before = File.ReadAllText(file);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(file, after);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

