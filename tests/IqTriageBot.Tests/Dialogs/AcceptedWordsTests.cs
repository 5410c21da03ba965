using IqTriageBot.Dialogs;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Dialogs;

/// <summary>
/// The accepted words of the repository's catalogs (words.opt.&lt;field&gt;.&lt;value&gt;), matched the way the engine
/// matches a typed answer: the conversation language's labels and words plus the English ones.
/// </summary>
public sealed class AcceptedWordsTests
{
    private static readonly DialogContent Content = TestEngine.Content;

    private static TextCatalog English => Content.Catalogs[DialogContentLoader.ReferenceLanguage];

    [Theory]
    [InlineData("es", "recognition_status", "ya la presenté", "pending")]
    [InlineData("es", "recognition_status", "todavía no la he presentado", "not-applied")]
    [InlineData("pl", "recognition_status", "jeszcze nie składałam", "not-applied")]
    [InlineData("pl", "recognition_status", "złożyłam wniosek w maju", "pending")]
    [InlineData("fr", "benefits", "aucune aide", "none")]
    [InlineData("fr", "concerns", "reconnaissance de mon diplôme", "recognition")]
    [InlineData("ro", "benefits", "niciuna", "none")]
    [InlineData("fa", "level", "کارشناسی ارشد", "master")]
    [InlineData("fa", "level", "کارشناسی", "bachelor")]
    [InlineData("de", "level", "Ausbildung", "vocational")]
    [InlineData("de", "level", "keine Ausbildung", "none")]
    [InlineData("es", "mode", "personal", "in-person")]
    [InlineData("de", "mode", "personal", "in-person")]
    [InlineData("en", "mode", "by phone", "phone")]
    [InlineData("en", "mode", "phone", "phone")]
    [InlineData("en", "level", "I have a Bachelor", "bachelor")]
    [InlineData("en", "level", "a master's degree", "master")]
    [InlineData("en", "recognition_status", "I have not applied yet", "not-applied")]
    [InlineData("en", "recognition_status", "it was not recognised", "rejected")]
    [InlineData("en", "experience", "abroad and in Germany", "both")]
    [InlineData("en", "lives_in", "not in germany", "abroad")]
    [InlineData("en", "residence_group", "I have an EU Blue Card", "work-study")]
    [InlineData("de", "residence_group", "Daueraufenthalt EU", "settled")]
    [InlineData("ar", "residence_group", "طالب لجوء", "asylum")]
    [InlineData("ru", "contact", "позвоните мне", "phone")]
    [InlineData("uk", "residence_group", "тимчасовий захист", "protection")]
    [InlineData("tr", "level", "yüksek lisans", "master")]
    [InlineData("de-plain", "contact", "bitte per Mail", "email")]
    [InlineData("fr", "mode", "par téléphone", "phone")]
    [InlineData("ro", "mode", "video", "video")]
    [InlineData("es", "recognition_status", "no ha sido reconocido", "rejected")]
    [InlineData("es", "recognition_status", "sí, reconocido", "full")]
    [InlineData("pl", "recognition_status", "nie został uznany", "rejected")]
    [InlineData("fr", "recognition_status", "mon diplôme n'est pas reconnu", "rejected")]
    [InlineData("de", "recognition_status", "nur teilweise anerkannt", "partial")]
    [InlineData("ru", "recognition_status", "ещё не подавала", "not-applied")]
    [InlineData("uk", "recognition_status", "вже подала заяву", "pending")]
    [InlineData("tr", "recognition_status", "henüz başvurmadım", "not-applied")]
    [InlineData("ar", "recognition_status", "غير معترف بها", "rejected")]
    public void Natural_answers_pick_their_option(string language, string nodeId, string input, string expected) =>
        Assert.Equal(expected, Match(language, nodeId, input));

    [Theory]
    [InlineData("ro", "da, totul e corect", "correct")]
    [InlineData("ro", "nu e corect", "change")]
    [InlineData("en", "not correct", "change")]
    [InlineData("de", "das stimmt nicht", "change")]
    [InlineData("es", "todo está bien", "correct")]
    [InlineData("es", "no está bien", "change")]
    [InlineData("fr", "ce n'est pas correct", "change")]
    [InlineData("pl", "tak, wszystko się zgadza", "correct")]
    [InlineData("pl", "nie zgadza się", "change")]
    [InlineData("ru", "всё верно", "correct")]
    [InlineData("ru", "не верно", "change")]
    [InlineData("fa", "درست نیست", "change")]
    [InlineData("ar", "غير صحيح", "change")]
    public void The_summary_takes_natural_confirmations_and_corrections(string language, string input, string expected)
    {
        Choice[] choices =
        [
            new("correct", Content.Catalogs[language].Texts[TextKeys.OptSummaryCorrect]),
            new("change", Content.Catalogs[language].Texts[TextKeys.OptSummaryChange]),
        ];

        Assert.Equal(expected, ChoiceMatcher.Match(input, choices, acceptedWords: c => Words(language, c.Id == "correct" ? TextKeys.OptSummaryCorrect : TextKeys.OptSummaryChange)));
    }

    [Theory]
    [InlineData("en", "recognition_status", "I applied but it was refused")]
    [InlineData("en", "experience", "in Germany, no experience")]
    [InlineData("de", "recognition_status", "beantragt und abgelehnt")]
    [InlineData("es", "mode", "presencial o por teléfono")]
    [InlineData("fr", "benefits", "chômage ou jobcenter")]
    public void Answers_naming_two_options_are_not_guessed(string language, string nodeId, string input) =>
        Assert.Null(Match(language, nodeId, input));

    [Fact]
    public void Several_concerns_in_one_message_are_each_chosen()
    {
        var node = Content.Flow.Node("concerns");
        var choices = Options("fr", node);

        Assert.Equal(["recognition", "work"], ChoiceMatcher.MatchMany("la reconnaissance de mon diplôme et mon employeur", choices, c => EnglishLabel(node, c), c => Words("fr", Key(node, c))));
    }

    /// <summary>Noise the random conversations type; none of it may be taken as an answer anywhere.</summary>
    [Theory]
    [InlineData("asdf")]
    [InlineData("???")]
    [InlineData("😀😀😀")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE dialog_state; --")]
    [InlineData("{\"text\":\"json\"}")]
    [InlineData("null")]
    [InlineData("ممكن مساعدة")]
    [InlineData("我不知道")]
    [InlineData("yes no")]
    [InlineData("Zürich")]
    [InlineData("a@")]
    public void Noise_is_accepted_by_no_question_in_any_language(string input)
    {
        foreach (var language in Content.Catalogs.Keys)
        {
            foreach (var node in ChoiceNodes())
            {
                Assert.True(Match(language, node.Id, input) is null, $"'{input}' was taken as an answer to {node.Id} in {language}.");
            }
        }
    }

    [Fact]
    public void No_word_names_two_options_of_a_question_or_another_options_label()
    {
        var problems = new List<string>();
        foreach (var language in Content.Catalogs.Keys)
        {
            foreach (var node in ChoiceNodes())
            {
                var owners = new Dictionary<string, string>(StringComparer.Ordinal);
                var labels = node.Options.ToDictionary(
                    o => o.Value,
                    o => new[] { Content.Catalogs[language].Texts[$"opt.{node.Field}.{o.Value}"], English.Texts[$"opt.{node.Field}.{o.Value}"] }.Select(ChoiceMatcher.Normalize).ToHashSet());
                foreach (var option in node.Options)
                {
                    foreach (var word in Words(language, $"opt.{node.Field}.{option.Value}").Select(ChoiceMatcher.Normalize).Distinct())
                    {
                        if (owners.TryGetValue(word, out var other) && other != option.Value)
                        {
                            problems.Add($"{language} {node.Id}: '{word}' names {other} and {option.Value}");
                        }

                        owners[word] = option.Value;
                        problems.AddRange(labels.Where(l => l.Key != option.Value && l.Value.Contains(word)).Select(l => $"{language} {node.Id}: '{word}' of {option.Value} is the label of {l.Key}"));
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_catalog_has_words_for_the_main_questions()
    {
        string[] fields = ["livesIn", "concerns", "level", "experience", "recognitionStatus", "residenceGroup", "benefits", "mode", "contact"];
        foreach (var catalog in Content.Catalogs.Values)
        {
            foreach (var node in ChoiceNodes().Where(n => fields.Contains(n.Field)))
            {
                Assert.All(node.Options, o => Assert.True(catalog.Texts.ContainsKey($"words.opt.{node.Field}.{o.Value}"), $"{catalog.Language}: no words for {node.Field}.{o.Value}"));
            }

            Assert.True(catalog.Texts.ContainsKey(TextKeys.AcceptedWords(TextKeys.OptSummaryCorrect)), $"{catalog.Language}: no words for the summary");
        }
    }

    private static string? Match(string language, string nodeId, string input)
    {
        var node = Content.Flow.Node(nodeId);
        var choices = Options(language, node);
        return node.Ask == AskKind.Multi
            ? ChoiceMatcher.MatchMany(input, choices, c => EnglishLabel(node, c), c => Words(language, Key(node, c))) switch { [var one] => one, _ => null }
            : ChoiceMatcher.Match(input, choices, c => EnglishLabel(node, c), c => Words(language, Key(node, c)));
    }

    private static List<Choice> Options(string language, FlowNode node) =>
        node.Options.Select(o => new Choice(o.Value, Content.Catalogs[language].Texts[$"opt.{node.Field}.{o.Value}"])).ToList();

    private static string Key(FlowNode node, Choice choice) => $"opt.{node.Field}.{choice.Id}";

    private static IEnumerable<string> EnglishLabel(FlowNode node, Choice choice) => [English.Texts[Key(node, choice)]];

    /// <summary>As the engine reads them: the conversation language's words, then the English ones.</summary>
    private static IEnumerable<string> Words(string language, string optionKey)
    {
        var key = TextKeys.AcceptedWords(optionKey);
        return new[] { Content.Catalogs[language], English }.Distinct()
            .SelectMany(c => c.Texts.TryGetValue(key, out var words) ? words.Split('|') : []);
    }

    private static IEnumerable<FlowNode> ChoiceNodes() => Content.Flow.Nodes.Where(n => n.Ask is AskKind.Choice or AskKind.Multi);
}
