using IqTriageBot.Dialogs;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Translation;

/// <summary>dialogs/machine-languages.yaml and the content that offers its languages.</summary>
public sealed class MachineLanguageContentTests
{
    private static DialogContent Content => ReplyKeys.Content;

    [Fact]
    public void The_machine_languages_are_listed_with_their_own_names_and_no_reviewed_catalog()
    {
        var codes = Content.MachineLanguages.Select(l => l.Code).ToList();

        Assert.Equal(["ti", "ps", "prs", "kmr", "so", "vi"], codes);
        Assert.All(Content.MachineLanguages, l => Assert.True(l.MachineTranslated));
        Assert.Empty(codes.Intersect(Content.Languages.Select(l => l.Code)));
        Assert.DoesNotContain(Content.MachineLanguages, l => Content.Catalogs.ContainsKey(l.Code));
        Assert.Contains(Content.FindMachineLanguage("ti")!.Name, c => c is >= '\u1200' and <= '\u137F');
        Assert.True(Content.FindMachineLanguage("ps")!.IsRightToLeft);
        Assert.True(Content.FindMachineLanguage("prs")!.IsRightToLeft);
    }

    [Fact]
    public void With_machine_languages_they_are_offered_after_the_catalog_languages_and_speak_English_until_translated()
    {
        var somali = new TextCatalog("so", Content.Catalogs["en"].Texts.ToDictionary(p => p.Key, p => "SO " + p.Value));

        var extended = Content.WithMachineLanguages(new Dictionary<string, TextCatalog> { ["so"] = somali });

        Assert.Equal(Content.Languages.Concat(Content.MachineLanguages).Select(l => l.Code), extended.Languages.Select(l => l.Code));
        Assert.Same(somali, extended.Catalogs["so"]);
        Assert.Equal(Content.Catalogs["en"].Texts[TextKeys.Greeting], extended.Catalogs["ti"].Texts[TextKeys.Greeting]);
        Assert.Equal("ti", extended.LanguageForLocale("ti-ER")!.Code);
        Assert.Null(Content.LanguageForLocale("ti-ER"));
    }
}
