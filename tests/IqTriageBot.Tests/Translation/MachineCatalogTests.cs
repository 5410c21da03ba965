using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Translation;
using IqTriageBot.Host.Translation;
using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IqTriageBot.Tests.Translation;

/// <summary>Translated catalogs over a real SQLite cache: placeholders, fallbacks, what is asked again and what not.</summary>
public sealed class MachineCatalogTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase($"Data Source={Path.Combine(_folder.Path, "cache.db")}");
        await _database.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private MachineCatalogs Catalogs(ITranslator translator) =>
        new(translator, new SqliteTranslationStore(_database), TestClock.Create(), NullLogger<MachineCatalogs>.Instance);

    private static TextCatalog English(string bye = "Bye") => new("en", new Dictionary<string, string>
    {
        ["greet"] = "Hello {name}, see you at {time}.",
        ["lost"] = "Thanks, {name}.",
        ["bye"] = bye,
    });

    [Fact]
    public async Task Placeholders_come_back_and_a_text_that_lost_them_stays_in_English()
    {
        var translator = new RecordingTranslator();

        var (catalog, failure) = await Catalogs(translator).GetAsync("so", English(), CancellationToken.None);

        Assert.Equal(TranslationFailure.None, failure);
        Assert.Equal("SO Hello {name}, see you at {time}.", catalog!.Texts["greet"]);
        Assert.Equal("Thanks, {name}.", catalog.Texts["lost"]);
        Assert.Equal("SO Bye", catalog.Texts["bye"]);
        Assert.DoesNotContain(translator.Sent.SelectMany(s => s), t => t.Contains('{', StringComparison.Ordinal));
        Assert.Equal("so", catalog.Language);
    }

    [Fact]
    public async Task A_second_start_reads_the_cache_and_only_changed_English_texts_are_translated_again()
    {
        await Catalogs(new RecordingTranslator()).GetAsync("so", English(), CancellationToken.None);

        var restarted = new RecordingTranslator();
        var (cached, _) = await Catalogs(restarted).GetAsync("so", English(), CancellationToken.None);
        Assert.Empty(restarted.Sent);
        Assert.Equal("SO Bye", cached!.Texts["bye"]);

        var edited = new RecordingTranslator();
        var (updated, _) = await Catalogs(edited).GetAsync("so", English(bye: "Goodbye"), CancellationToken.None);
        Assert.Equal(["Goodbye"], Assert.Single(edited.Sent));
        Assert.Equal("SO Goodbye", updated!.Texts["bye"]);
    }

    [Fact]
    public async Task In_memory_the_catalog_is_made_once()
    {
        var translator = new RecordingTranslator();
        var catalogs = Catalogs(translator);
        var english = English();

        await catalogs.GetAsync("so", english, CancellationToken.None);
        await catalogs.GetAsync("so", english, CancellationToken.None);

        Assert.Single(translator.Sent);
        Assert.True(catalogs.Ready(english).ContainsKey("so"));
        Assert.Empty(catalogs.Ready(English()));
    }

    [Fact]
    public async Task A_failing_translator_gives_no_catalog_and_caches_nothing()
    {
        var (catalog, failure) = await Catalogs(new RecordingTranslator(TranslationFailure.QuotaExceeded)).GetAsync("so", English(), CancellationToken.None);

        Assert.Null(catalog);
        Assert.Equal(TranslationFailure.QuotaExceeded, failure);
        Assert.Empty(await new SqliteTranslationStore(_database).ReadAsync("so", CancellationToken.None));
    }

    /// <summary>Prefixes the target language; "drops" the marker of any text starting with "Thanks".</summary>
    private sealed class RecordingTranslator(TranslationFailure failure = TranslationFailure.None) : ITranslator
    {
        public List<List<string>> Sent { get; } = [];

        public string Provider => "recording";

        public bool IsConfigured => true;

        public Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? source, string target, CancellationToken cancellationToken)
        {
            Sent.Add([.. texts]);
            if (failure != TranslationFailure.None)
            {
                return Task.FromResult(TranslationResult.Failed(failure));
            }

            var prefix = target.ToUpperInvariant() + " ";
            return Task.FromResult(new TranslationResult([.. texts.Select(t => new TranslatedText(t.StartsWith("Thanks", StringComparison.Ordinal) ? prefix + "Thanks." : prefix + t))]));
        }

        public Task<DetectionResult> DetectAsync(string text, CancellationToken cancellationToken) => Task.FromResult(new DetectionResult("so", 1));
    }
}
