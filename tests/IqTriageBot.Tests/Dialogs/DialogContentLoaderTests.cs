using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Dialogs;

public sealed class DialogContentLoaderTests : IDisposable
{
    private readonly TempDirectory _copy = new();

    public DialogContentLoaderTests() => CopyFolder(RepoPaths.Dialogs, _copy.Path);

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void Repository_dialogs_load_with_every_language_and_required_key()
    {
        var content = DialogContentLoader.Load(RepoPaths.Dialogs);

        Assert.Equal(11, content.Languages.Count);
        Assert.Equal("en", content.DefaultLanguage);
        foreach (var language in content.Languages)
        {
            var catalog = content.Catalogs[language.Code];
            Assert.All(TextKeys.All, key => Assert.True(catalog.Texts.ContainsKey(key), $"{language.Code} lacks {key}"));
        }
    }

    [Fact]
    public void Unchanged_copy_loads()
    {
        var content = DialogContentLoader.Load(_copy.Path);

        Assert.Equal(11, content.Catalogs.Count);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        RemoveKey("de", TextKeys.Ready);
        Edit("text/fr.yaml", text => text.Replace("{language}", "{langue}", StringComparison.Ordinal));
        Edit("text/tr.yaml", text => text + "\ngreetng: Merhaba\n");
        Edit("languages.yaml", text => text + "- { code: it, name: Italiano, english: Italian, german: Italienisch, dir: ltr, locale: it-IT }\n");

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        Assert.Equal(4, error.Problems.Count);
        AssertProblem(error, "text/de.yaml", "'ready'");
        AssertProblem(error, "text/fr.yaml", "'language_set'");
        AssertProblem(error, "text/tr.yaml", "'greetng'");
        AssertProblem(error, "text/it.yaml", "'it'");
    }

    [Fact]
    public void Missing_key_names_file_and_key()
    {
        RemoveKey("uk", TextKeys.NotUnderstood);

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        AssertProblem(Assert.Single(error.Problems), "text/uk.yaml", "'not_understood'");
    }

    [Fact]
    public void Key_missing_from_the_reference_catalog_is_reported()
    {
        RemoveKey("en", TextKeys.TurnFailed);

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        Assert.Contains(error.Problems, p => p.Contains("text/en.yaml", StringComparison.Ordinal) && p.Contains("'turn_failed'", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_is_reported_not_thrown_raw()
    {
        Edit("text/pl.yaml", text => text + "\n  : [unclosed\n");

        var error = Assert.Throws<DialogContentException>(() => DialogContentLoader.Load(_copy.Path));

        Assert.Contains(error.Problems, p => p.Contains("pl.yaml", StringComparison.Ordinal));
    }

    private static void AssertProblem(DialogContentException error, string file, string key) =>
        Assert.Contains(error.Problems, p => p.Contains(file, StringComparison.Ordinal) && p.Contains(key, StringComparison.Ordinal));

    private static void AssertProblem(string problem, string file, string key)
    {
        Assert.Contains(file, problem, StringComparison.Ordinal);
        Assert.Contains(key, problem, StringComparison.Ordinal);
    }

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
