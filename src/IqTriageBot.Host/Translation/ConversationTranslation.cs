using System.Text.RegularExpressions;
using IqTriageBot.Dialogs;
using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain.Translation;
using IqTriageBot.Host.Hosting;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// Machine translation around one turn of the engine, when a translator is configured:
/// <list type="bullet">
/// <item>offers the machine languages beside the catalog ones, and recognises a first message written in one;</item>
/// <item>speaks such a language through its translated catalog (made on first use, then cached) and says once
/// that the conversation is machine-translated;</item>
/// <item>translates what the person writes in it into English before the engine reads it, and stores free-text
/// answers as written;</item>
/// <item>gives every free-text answer a German translation for advisors, with its source language;</item>
/// <item>when the translator fails, goes on in a catalog language and says so. Nothing here throws for a
/// translator's failure, and no answer is lost.</item>
/// </list>
/// </summary>
public sealed partial class ConversationTranslation(ITranslator translator, MachineCatalogs catalogs, LiveContent live, ILogger<ConversationTranslation> logger)
{
    /// <summary>Most remembered originals of translated messages per conversation.</summary>
    private const int MaxOriginals = 40;

    /// <summary>How sure a detection must be before a first message switches to a machine language.</summary>
    private const double MinDetectionScore = 0.5;

    public bool Enabled => translator.IsConfigured;

    /// <summary>Runs the turn through <paramref name="run"/> with translation on both sides.</summary>
    public async Task<TurnResult> RunAsync(DialogState state, UserTurn turn, Func<DialogEngine, DialogState, UserTurn, Task<TurnResult>> run, CancellationToken cancellationToken)
    {
        var content = live.Content;
        var english = content.Catalogs[DialogContentLoader.ReferenceLanguage];
        var notices = new List<Reply>();
        var input = turn;
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = DialogStateJson.Serialize(state);

        if (content.FindMachineLanguage(state.Language) is { } speaking)
        {
            var (catalog, failure) = await catalogs.GetAsync(speaking.Code, english, cancellationToken).ConfigureAwait(false);
            if (catalog is null)
            {
                FallBack(content, state, speaking, failure, turn, notices);
            }
            else if (NeedsTranslation(content, state, catalog, turn))
            {
                var translated = await translator.TranslateAsync([turn.Text!], speaking.Code, DialogContentLoader.ReferenceLanguage, cancellationToken).ConfigureAwait(false);
                if (translated is { Succeeded: true, Texts: [{ Text: { Length: > 0 } text }] })
                {
                    originals[text] = turn.Text!;
                    input = turn with { Text = text };
                }
                else
                {
                    FallBack(content, state, speaking, translated.Succeeded ? TranslationFailure.GarbageResponse : translated.Failure, turn, notices);
                }
            }
        }
        else if (state.Language is null && await DetectAsync(content, english, turn, cancellationToken).ConfigureAwait(false) is { } detected)
        {
            input = turn with { ChannelLocale = detected.Code };
        }

        var result = await run(Engine(content, english), state, input).ConfigureAwait(false);

        // The person just chose a machine language whose catalog is not made yet: make it, then run the turn again.
        if (content.FindMachineLanguage(result.State.Language) is { } chosen && !catalogs.Ready(english).ContainsKey(chosen.Code))
        {
            var (catalog, failure) = await catalogs.GetAsync(chosen.Code, english, cancellationToken).ConfigureAwait(false);
            if (catalog is not null)
            {
                result = await run(Engine(content, english), DialogStateJson.Deserialize(before), input).ConfigureAwait(false);
            }
            else
            {
                var fallback = content.Language(DialogContentLoader.ReferenceLanguage);
                result = result with { Replies = [.. result.Replies.Select(r => r with { Language = fallback })] };
                FallBack(content, result.State, chosen, failure, turn, notices);
            }
        }

        var replies = new List<Reply>(notices.Count + result.Replies.Count + 1);
        replies.AddRange(notices);
        replies.AddRange(result.Replies);
        if (content.FindMachineLanguage(result.State.Language) is { } machine && !result.State.MachineNoticeShown
            && catalogs.Ready(english).TryGetValue(machine.Code, out var machineCatalog))
        {
            result.State.MachineNoticeShown = true;
            var at = replies.FindIndex(r => r.Key == TextKeys.LanguageSet) + 1;
            replies.Insert(at, new Reply(TextKeys.MachineTranslated, machineCatalog.Format(TextKeys.MachineTranslated), machine, []));
        }

        var after = result.State;
        RememberOriginals(content.Flow, after, originals);
        after.LastChoices = [.. result.Replies.LastOrDefault(r => r.Choices.Count > 0)?.Choices.Select(c => c.Label) ?? []];
        await TranslateForAdvisorsAsync(content, after, cancellationToken).ConfigureAwait(false);
        return result with { Replies = replies };
    }

    /// <summary>
    /// The engine for messages sent later in <paramref name="language"/> (reminders, cancellations): for a
    /// machine language, one that speaks its cached catalog; otherwise, or when that fails, the usual engine.
    /// </summary>
    public async Task<DialogEngine> EngineForAsync(string? language, CancellationToken cancellationToken)
    {
        var content = live.Content;
        if (!Enabled || content.FindMachineLanguage(language) is not { } machine)
        {
            return live.Engine;
        }

        var english = content.Catalogs[DialogContentLoader.ReferenceLanguage];
        var (catalog, _) = await catalogs.GetAsync(machine.Code, english, cancellationToken).ConfigureAwait(false);
        return catalog is null ? live.Engine : Engine(content, english);
    }

    /// <summary>The engine on the content with the machine languages, speaking those whose catalog is ready.</summary>
    private DialogEngine Engine(DialogContent content, TextCatalog english) => live.EngineFor(content.WithMachineLanguages(catalogs.Ready(english)));

    /// <summary>A first message in a machine language (not a language's name, not digits): that language, with its catalog ready.</summary>
    private async Task<LanguageInfo?> DetectAsync(DialogContent content, TextCatalog english, UserTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Kind != TurnKind.Message || turn.Text is not { } text || !text.Any(char.IsLetter) || content.LanguageForLocale(turn.ChannelLocale) is not null
            || content.Languages.Concat(content.MachineLanguages).Any(l => Same(text, l.Name) || Same(text, l.EnglishName) || Same(text, l.GermanName) || Same(text, l.Code) || l.Aliases.Any(a => Same(text, a))))
        {
            return null;
        }

        var detection = await translator.DetectAsync(text, cancellationToken).ConfigureAwait(false);
        if (!detection.Succeeded || detection.Score < MinDetectionScore
            || content.MachineLanguages.FirstOrDefault(l => l.Code == detection.Language || l.Locale.StartsWith(detection.Language + "-", StringComparison.OrdinalIgnoreCase)) is not { } language)
        {
            return null;
        }

        var (catalog, _) = await catalogs.GetAsync(language.Code, english, cancellationToken).ConfigureAwait(false);
        return catalog is null ? null : language;
    }

    /// <summary>
    /// Whether a message must be translated before the engine reads it: not a pressed button (an offered label
    /// or any text of the catalog), not a number, postcode, e-mail address or phone number, not a name.
    /// </summary>
    private static bool NeedsTranslation(DialogContent content, DialogState state, TextCatalog catalog, UserTurn turn)
    {
        if (turn.Kind != TurnKind.Message || turn.Text is not { } text || !text.Any(char.IsLetter) || EmailLike().IsMatch(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (state.LastChoices.Any(label => Same(label, trimmed)) || catalog.Texts.Values.Any(t => Same(t, trimmed)))
        {
            return false;
        }

        if (state.Pending == Pending.BookingName || (state.Pending == Pending.BookingSlot && text.Any(char.IsDigit)))
        {
            return false;
        }

        return state.Pending != Pending.None || state.Node is not { } id || content.Flow.IndexOf(id) < 0
            || content.Flow.Node(id).Ask is not (AskKind.Email or AskKind.Phone);
    }

    /// <summary>The conversation goes on in the channel's catalog language, or English, and says so.</summary>
    private void FallBack(DialogContent content, DialogState state, LanguageInfo from, TranslationFailure failure, UserTurn turn, List<Reply> notices)
    {
        var to = content.LanguageForLocale(turn.ChannelLocale) ?? content.Language(DialogContentLoader.ReferenceLanguage);
        state.Language = to.Code;
        TranslationLog.FellBack(logger, from.Code, to.Code, failure);
        notices.Add(new Reply(TextKeys.TranslationUnavailable, content.Catalogs[to.Code].Format(TextKeys.TranslationUnavailable), to, []));
    }

    /// <summary>Free-text answers the engine got in English are stored as the person wrote them.</summary>
    private static void RememberOriginals(FlowDefinition flow, DialogState state, Dictionary<string, string> originals)
    {
        foreach (var (translated, original) in originals)
        {
            state.Originals[translated] = original;
        }

        while (state.Originals.Count > MaxOriginals)
        {
            state.Originals.Remove(state.Originals.Keys.First());
        }

        foreach (var field in FreeText.FieldsOf(flow))
        {
            if (FreeText.Read(state.Answers, field) is { } value && state.Originals.TryGetValue(value, out var original))
            {
                FreeText.Write(state.Answers, field, original);
            }
        }
    }

    /// <summary>Every free-text answer without a current German translation gets one (a failure only leaves it for the next turn).</summary>
    private async Task TranslateForAdvisorsAsync(DialogContent content, DialogState state, CancellationToken cancellationToken)
    {
        var language = state.Language ?? content.DefaultLanguage;
        if (HttpTranslator.BaseCode(language) == "de" || !state.Answers.Consent.GetValueOrDefault())
        {
            return;
        }

        var pending = FreeText.FieldsOf(content.Flow)
            .Select(field => (Field: field, Text: FreeText.Read(state.Answers, field)))
            .Where(p => p.Text is not null && !(state.Translations.TryGetValue(p.Field, out var t) && t.Original == p.Text))
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        // A text written in a machine language keeps that as its source even if the conversation fell back since.
        var sources = pending.GroupBy(p => state.Originals.ContainsValue(p.Text!) && content.FindMachineLanguage(state.Language) is null ? null : language);
        foreach (var group in sources)
        {
            var items = group.ToList();
            var result = await translator.TranslateAsync(items.Select(p => p.Text!).ToList(), group.Key, "de", cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded || result.Texts.Count != items.Count)
            {
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var source = group.Key ?? result.Texts[i].DetectedLanguage ?? language;
                state.Translations[items[i].Field] = new FreeTextTranslation(items[i].Text!, result.Texts[i].Text, source);
                TranslationLog.AnswerTranslated(logger, items[i].Field, source);
            }
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*$")]
    private static partial Regex EmailLike();
}
