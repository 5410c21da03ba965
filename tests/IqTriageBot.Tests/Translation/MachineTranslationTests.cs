using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Tests.Infrastructure;
using IqTriageBot.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Translation;

/// <summary>
/// Whole conversations over Direct Line with the fake Azure Translator configured: a Tigrinya speaker through
/// the triage to a booking, an outage half-way, the cache across a restart, a first message in Tigrinya.
/// </summary>
public sealed class MachineTranslationTests : IAsyncLifetime, IDisposable
{
    private const string Tigrinya = "ትግርኛ";
    private const string Postcode = "04109";
    private const string Name = "Almaz Tesfay";

    /// <summary>What a Tigrinya speaker types for the story's free-text answers (the fake knows these words).</summary>
    private static readonly Dictionary<string, string> TypedInTigrinya = new(StringComparer.Ordinal)
    {
        ["nurse"] = "ነርስ",
        ["Syria"] = "ሶርያ",
        [Name] = Name,
    };

    private FakeTranslatorServer _server = null!;
    private readonly TempDirectory _data = new();

    public async Task InitializeAsync() => _server = await FakeTranslatorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _data.Dispose();

    private TriageBotFactory Factory() => new(new Dictionary<string, string?>
    {
        ["Translation:Provider"] = "azure",
        ["Translation:Endpoint"] = _server.Endpoint,
        ["Translation:Key"] = FakeTranslatorServer.Key,
        ["Translation:Region"] = FakeTranslatorServer.Region,
        ["Translation:TimeoutSeconds"] = "2",
    }, _data.Path);

    private static string Ti(string english) => FakeTranslatorServer.TigrinyaMarker + english;

    [Fact]
    public async Task A_Tigrinya_speaker_books_and_the_advisor_sees_the_German_translation_beside_the_original()
    {
        await using var factory = Factory();
        var chat = await Chat.StartAsync(factory, "ti-user");
        var greeting = await chat.RepliesAsync();
        Assert.Contains(Tigrinya, Actions(greeting[^1]));
        Assert.Contains("English", Actions(greeting[^1]));

        var chosen = await chat.SayAsync(Tigrinya);

        Assert.Equal(["language_set", TextKeys.MachineTranslated], chosen.Take(2).Select(a => ReplyKeys.Identify(a).Key));
        Assert.All(chosen, reply => Assert.Equal("ti", ReplyKeys.Identify(reply).Language));
        Assert.All(chosen, reply => Assert.StartsWith(FakeTranslatorServer.TigrinyaMarker, reply!["text"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal("ti-ER", chosen[^1]!["locale"]!.GetValue<string>());

        var last = chosen[^1];
        foreach (var answer in PortalSeed.Nurse(Postcode, Name).Skip(1))
        {
            var replies = await chat.SayAsync(Pick(last, answer, Ti, TypedInTigrinya));
            Assert.NotEmpty(replies);
            Assert.All(replies, reply => Assert.Equal("ti", ReplyKeys.Identify(reply).Language));
            Assert.DoesNotContain(replies, r => ReplyKeys.Identify(r).Key is TextKeys.TranslationUnavailable or TextKeys.TurnFailed);
            last = replies[^1];
        }

        Assert.Single(await chat.RepliesAsync(all: true), r => ReplyKeys.Identify(r).Key == TextKeys.MachineTranslated);
        var booking = await chat.BookFirstSlotAsync(last);

        var intake = IntakeJson.Deserialize(booking.Intake)!;
        Assert.Equal("ti", intake.Language);
        Assert.Equal("ነርስ", intake.Answers.Occupation!.Text);
        Assert.NotNull(intake.Answers.Occupation.OccupationId);
        Assert.Equal("SY", intake.Answers.QualificationCountry);
        Assert.Equal("Krankenpflegerin", intake.GermanTranslations["occupation"]);
        Assert.Equal("ti", intake.TranslatedFrom["occupation"]);

        var document = factory.Services.GetRequiredService<IntakeDocuments>().Build(booking, intake);
        var rows = document.Sections.SelectMany(s => s.Rows).ToList();
        var occupation = Assert.Single(rows, r => r.Original?.Contains("ነርስ", StringComparison.Ordinal) == true);
        Assert.StartsWith("Krankenpflegerin", occupation.Value, StringComparison.Ordinal);
        Assert.Contains("Tigrinya", occupation.Value, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Value.Contains("Tigrinya (ትግርኛ)", StringComparison.Ordinal));

        // The reminder the day before speaks Tigrinya too.
        var reminders = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IqTriageBot.Host.Bookings.ReminderService>().Single();
        factory.Clock.SetUtcNow(booking.Start!.Value.AddHours(-20));
        await reminders.SendDueAsync(CancellationToken.None);
        var reminder = Assert.Single(await chat.RepliesAsync(all: true), r => ReplyKeys.Identify(r).Key == "booking.reminder");
        Assert.Equal("ti", ReplyKeys.Identify(reminder).Language);
        Assert.StartsWith(FakeTranslatorServer.TigrinyaMarker, reminder!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(booking.Reference, reminder["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_work_problem_written_in_Tigrinya_is_kept_as_written_with_a_German_translation()
    {
        await using var factory = Factory();
        var chat = await Chat.StartAsync(factory, "worker");
        await chat.RepliesAsync();
        var english = ReplyKeys.Content.Catalogs["en"];
        string Press(string key) => Ti(english.Texts[key]);

        await chat.SayAsync(Tigrinya);
        await chat.SayAsync(Press("opt.yes"));
        await chat.SayAsync(Press("opt.livesIn.germany"));
        await chat.SayAsync(Postcode);
        await chat.SayAsync(Press("opt.concerns.work"));
        await chat.SayAsync(Press("opt.done"));
        await chat.SayAsync("1, 6");
        await chat.SayAsync(Press("opt.done"));
        var urgent = await chat.SayAsync(Press("opt.redFlags.passport"));
        Assert.Equal(("ti", "urgent.help"), (ReplyKeys.Identify(urgent[0]).Language, ReplyKeys.Identify(urgent[0]).Key));
        var details = await chat.SayAsync(Press("opt.done"));
        Assert.Equal("work_details.ask", ReplyKeys.Identify(details[^1]).Key);

        var next = await chat.SayAsync("ደሞዘይ ኣይተኸፍለንን");

        Assert.Equal("residence_group.ask", ReplyKeys.Identify(next[^1]).Key);
        var entry = await factory.Services.GetRequiredService<IqTriageBot.Storage.IStateStore>()
            .ReadAsync(IqTriageBot.Host.Bot.TurnRunner.StateKey("directline", chat.ConversationId), CancellationToken.None);
        var state = DialogStateJson.Deserialize(entry!.Json);
        Assert.Equal("ደሞዘይ ኣይተኸፍለንን", state.Answers.WorkDetails);
        Assert.Equal(new FreeTextTranslation("ደሞዘይ ኣይተኸፍለንን", "Mein Lohn wurde nicht bezahlt", "ti"), state.Translations["workDetails"]);
        Assert.Contains(_server.Requests, r => r.Query.GetValueOrDefault("from") == "ti" && r.Query.GetValueOrDefault("to") == "en"
            && JsonNode.Parse(r.Body)![0]!["Text"]!.GetValue<string>() == "ደሞዘይ ኣይተኸፍለንን");
    }

    [Fact]
    public async Task When_the_translator_fails_the_conversation_goes_on_in_English_and_says_so()
    {
        await using var factory = Factory();
        var chat = await Chat.StartAsync(factory, "outage-user");
        await chat.RepliesAsync();
        var last = (await chat.SayAsync(Tigrinya))[^1];
        last = (await chat.SayAsync(Pick(last, "yes", Ti, TypedInTigrinya)))[^1];
        Assert.Equal("ti", ReplyKeys.Identify(last).Language);

        _server.Failure = "503";
        var during = await chat.SayAsync("ኣብ ጀርመን እየ ዝነብር");

        Assert.Equal(TextKeys.TranslationUnavailable, ReplyKeys.Identify(during[0]).Key);
        Assert.All(during, reply => Assert.Equal("en", ReplyKeys.Identify(reply).Language));
        Assert.DoesNotContain(during, r => ReplyKeys.Identify(r).Key == TextKeys.TurnFailed);

        // The rest in English; the consent given in Tigrinya still counts.
        last = during[^1];
        foreach (var answer in PortalSeed.Nurse(Postcode, Name).Skip(2))
        {
            var replies = await chat.SayAsync(Pick(last, answer, s => s, new Dictionary<string, string>()));
            Assert.All(replies, reply => Assert.Equal("en", ReplyKeys.Identify(reply).Language));
            last = replies[^1];
        }

        var booking = await chat.BookFirstSlotAsync(last);
        var intake = IntakeJson.Deserialize(booking.Intake)!;
        Assert.Equal("en", intake.Language);
        Assert.NotNull(intake.ConsentVersion);
        Assert.Equal(Postcode, intake.Answers.Place!.Postcode);
        Assert.Equal("nurse", intake.Answers.Occupation!.Text);
        Assert.Empty(intake.GermanTranslations);
    }

    [Fact]
    public async Task The_translated_catalog_is_cached_so_a_later_conversation_after_a_restart_does_not_translate_it_again()
    {
        await using (var first = Factory())
        {
            var chat = await Chat.StartAsync(first, "first");
            await chat.RepliesAsync();
            await chat.SayAsync(Tigrinya);
        }

        var catalogCalls = CatalogRequests();
        Assert.True(catalogCalls > 0);

        await using var second = Factory();
        var again = await Chat.StartAsync(second, "second");
        await again.RepliesAsync();
        var replies = await again.SayAsync(Tigrinya);

        Assert.Equal(catalogCalls, CatalogRequests());
        Assert.All(replies, reply => Assert.StartsWith(FakeTranslatorServer.TigrinyaMarker, reply!["text"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(replies, r => ReplyKeys.Identify(r).Key == TextKeys.MachineTranslated);
    }

    [Fact]
    public async Task A_first_message_written_in_Tigrinya_is_answered_in_Tigrinya()
    {
        await using var factory = Factory();
        var chat = await Chat.StartAsync(factory, "writer");
        await chat.RepliesAsync();

        var replies = await chat.SayAsync("ሰላም፣ ሓገዝ ደልየ");

        Assert.Equal(1, _server.Count("/detect"));
        Assert.All(replies, reply => Assert.Equal("ti", ReplyKeys.Identify(reply).Language));
        Assert.Contains(Tigrinya, Actions(replies[^1]));
    }

    [Fact]
    public async Task An_Arabic_occupation_gets_a_German_translation_for_the_advisor()
    {
        await using var factory = Factory();
        var chat = await Chat.StartAsync(factory, "ar-user");
        await chat.RepliesAsync();
        var english = ReplyKeys.Content.Catalogs["en"];
        var arabic = ReplyKeys.Content.Catalogs["ar"];
        string InArabic(string text) => english.Texts.Where(p => string.Equals(p.Value, text, StringComparison.OrdinalIgnoreCase)).Select(p => arabic.Texts[p.Key]).FirstOrDefault() ?? text;

        var last = (await chat.SayAsync("العربية"))[^1];
        foreach (var answer in PortalSeed.Nurse(Postcode, Name).Skip(1))
        {
            var replies = await chat.SayAsync(Pick(last, answer, InArabic, new Dictionary<string, string> { ["nurse"] = "ممرضة", ["Syria"] = "سوريا", [Name] = Name }));
            last = replies[^1];
        }

        var booking = await chat.BookFirstSlotAsync(last);
        var intake = IntakeJson.Deserialize(booking.Intake)!;
        Assert.Equal("ممرضة", intake.Answers.Occupation!.Text);
        Assert.Equal("Krankenschwester", intake.GermanTranslations["occupation"]);
        Assert.Equal("ar", intake.TranslatedFrom["occupation"]);
        var occupation = factory.Services.GetRequiredService<IntakeDocuments>().Build(booking, intake).Sections.SelectMany(s => s.Rows)
            .Single(r => r.Original?.Contains("ممرضة", StringComparison.Ordinal) == true);
        Assert.Contains("Krankenschwester", occupation.Value, StringComparison.Ordinal);
        Assert.Contains("Arabisch", occupation.Value, StringComparison.Ordinal);
        Assert.Equal(0, CatalogRequests());
    }

    [Fact]
    public async Task Without_a_translator_only_the_catalog_languages_are_offered_and_nothing_is_sent_anywhere()
    {
        await using var factory = new TriageBotFactory(dataDirectory: _data.Path);
        var chat = await Chat.StartAsync(factory, "plain");
        var greeting = await chat.RepliesAsync();

        Assert.Equal(ReplyKeys.Content.Languages.Select(l => l.Name), Actions(greeting[^1]));
        var replies = await chat.SayAsync("ሰላም፣ ሓገዝ ደልየ");
        Assert.All(replies, reply => Assert.Equal("en", ReplyKeys.Identify(reply).Language));
        Assert.DoesNotContain(Tigrinya, Actions(replies[^1]));
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("azure", typeof(IqTriageBot.Host.Translation.AzureTranslator))]
    [InlineData("deepl", typeof(IqTriageBot.Host.Translation.DeepLTranslator))]
    [InlineData("libretranslate", typeof(IqTriageBot.Host.Translation.LibreTranslator))]
    [InlineData("none", typeof(IqTriageBot.Domain.Translation.NoTranslator))]
    public async Task Configuration_chooses_the_translator(string provider, Type expected)
    {
        await using var factory = new TriageBotFactory(new Dictionary<string, string?>
        {
            ["Translation:Provider"] = provider,
            ["Translation:Endpoint"] = _server.Endpoint,
            ["Translation:Key"] = FakeTranslatorServer.Key,
        }, _data.Path);

        Assert.IsType(expected, factory.Services.GetRequiredService<IqTriageBot.Domain.Translation.ITranslator>());
    }

    [Theory]
    [InlineData("azure", null, null, "Key")]
    [InlineData("deepl", null, null, "Key")]
    [InlineData("libretranslate", null, null, "Endpoint")]
    [InlineData("google", "k", "https://t.example", "Provider")]
    [InlineData("azure", "k", "not a url", "Endpoint")]
    public void Incomplete_settings_are_refused_with_a_clear_message(string provider, string? key, string? endpoint, string member)
    {
        var options = new IqTriageBot.Host.Translation.TranslationOptions { Provider = provider, Key = key, Endpoint = endpoint };

        var problem = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));

        Assert.Contains(member, problem.MemberNames);
        Assert.Contains("Translation:" + member, problem.ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>Requests that translated catalog texts (English into Tigrinya).</summary>
    private int CatalogRequests() => _server.Requests.Count(r => r.Path == "/translate" && r.Query.GetValueOrDefault("to") == "ti");

    private static List<string> Actions(JsonNode? activity) =>
        activity?["suggestedActions"]?["actions"]?.AsArray().Select(a => a!["value"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>
    /// The offered button for the story's English answer (as it is labelled in the conversation's language),
    /// else what the person types: a known word of theirs, or the answer in their language.
    /// </summary>
    private static string Pick(JsonNode? last, string english, Func<string, string> inLanguage, Dictionary<string, string> typed)
    {
        var actions = Actions(last);
        foreach (var candidate in new[] { inLanguage(english), english })
        {
            if (actions.FirstOrDefault(a => string.Equals(a, candidate, StringComparison.OrdinalIgnoreCase)) is { } button)
            {
                return button;
            }
        }

        return typed.TryGetValue(english, out var word) ? word : english.Any(char.IsLetter) ? inLanguage(english) : english;
    }

    /// <summary>A Direct Line conversation that hands back the bot's new replies after each message.</summary>
    private sealed class Chat(TriageBotFactory factory, DirectLineApi api, string conversationId, string user)
    {
        private int _seen;

        public string ConversationId => conversationId;

        public static async Task<Chat> StartAsync(TriageBotFactory factory, string user)
        {
            var api = new DirectLineApi(factory.CreateClient());
            var conversation = await api.StartWithUserAsync(user);
            return new Chat(factory, api, conversation.ConversationId, user);
        }

        public async Task<List<JsonNode?>> SayAsync(string text)
        {
            await api.PostMessageAsync(conversationId, TriageBotFactory.Secret, text, user);
            return await RepliesAsync();
        }

        public async Task<List<JsonNode?>> RepliesAsync(bool all = false)
        {
            var page = await api.GetActivitiesAsync(conversationId, TriageBotFactory.Secret);
            var bot = page.Activities.Where(a => a!["from"]?["id"]?.GetValue<string>() == "iqtriagebot").ToList();
            var fresh = all ? bot : bot.Skip(_seen).ToList();
            _seen = bot.Count;
            return fresh;
        }

        public async Task<Booking> BookFirstSlotAsync(JsonNode? slots)
        {
            Assert.Equal("booking.slots", ReplyKeys.Identify(slots).Key);
            var confirmation = (await SayAsync(Actions(slots)[^2])).Single(a => ReplyKeys.Identify(a).Key == "booking.confirmed");
            var reference = BookingReference.Find(confirmation!["text"]!.GetValue<string>())!;
            return (await factory.Services.GetRequiredService<IBookingStore>().FindAsync(reference, CancellationToken.None))!;
        }
    }
}
