using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Translation;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// Catalogs of the machine languages, translated from the English catalog on first use and kept in the
/// SQLite cache, so later conversations (and restarts) do not ask the translator again. Only texts whose
/// English changed since are translated anew. Placeholders are protected on the way; a text whose
/// placeholders did not survive stays in English.
/// </summary>
public sealed class MachineCatalogs(ITranslator translator, ITranslationCache cache, TimeProvider time, ILogger<MachineCatalogs> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _loaded = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The catalogs ready in memory for this English catalog (after a content reload, older ones do not count).</summary>
    public IReadOnlyDictionary<string, TextCatalog> Ready(TextCatalog english) =>
        _loaded.Where(p => ReferenceEquals(p.Value.Source, english)).ToDictionary(p => p.Key, p => p.Value.Catalog, StringComparer.Ordinal);

    /// <summary>The catalog of <paramref name="language"/>, or the reason it could not be made.</summary>
    public async Task<(TextCatalog? Catalog, TranslationFailure Failure)> GetAsync(string language, TextCatalog english, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(language, out var ready) && ReferenceEquals(ready.Source, english))
        {
            return (ready.Catalog, TranslationFailure.None);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded.TryGetValue(language, out ready) && ReferenceEquals(ready.Source, english))
            {
                return (ready.Catalog, TranslationFailure.None);
            }

            var cached = (await cache.ReadAsync(language, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Key, StringComparer.Ordinal);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var missing = new List<(string Key, string Source, string Hash)>();
            foreach (var (key, source) in english.Texts)
            {
                var hash = Hash(source);
                if (cached.TryGetValue(key, out var hit) && hit.SourceHash == hash)
                {
                    texts[key] = hit.Text;
                }
                else
                {
                    missing.Add((key, source, hash));
                }
            }

            var kept = 0;
            if (missing.Count > 0)
            {
                if (!translator.IsConfigured)
                {
                    return (null, TranslationFailure.NotConfigured);
                }

                var guarded = missing.Select(m => PlaceholderGuard.Protect(m.Source)).ToList();
                var result = await translator.TranslateAsync(guarded.Select(g => g.Text).ToList(), DialogContentLoader.ReferenceLanguage, language, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return (null, result.Failure);
                }

                var fresh = new List<CachedText>(missing.Count);
                for (var i = 0; i < missing.Count; i++)
                {
                    var restored = PlaceholderGuard.Restore(result.Texts[i].Text, guarded[i].Names);
                    if (restored is null || string.IsNullOrWhiteSpace(restored))
                    {
                        kept++;
                        restored = missing[i].Source;
                    }

                    texts[missing[i].Key] = restored;
                    fresh.Add(new CachedText(missing[i].Key, missing[i].Hash, restored));
                }

                await cache.WriteAsync(language, translator.Provider, fresh, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            var catalog = new TextCatalog(language, texts);
            _loaded[language] = new Entry(english, catalog);
            TranslationLog.CatalogTranslated(logger, language, translator.Provider, missing.Count - kept, texts.Count - missing.Count, kept);
            return (catalog, TranslationFailure.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);

    private sealed record Entry(TextCatalog Source, TextCatalog Catalog);
}
