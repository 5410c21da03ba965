using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Centres;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Hosting;

/// <summary>
/// The dialog content in use and the engine built on it. An operator can reload dialogs/ without a restart:
/// the new content is loaded and validated in full first, and only then replaces the old in one step, so a
/// broken edit never reaches a conversation (the problems are listed instead). Conversations in progress go on
/// from their current question.
/// </summary>
public sealed class LiveContent
{
    private readonly string _path;
    private readonly DialogOptions _options;
    private readonly Lock _reloading = new();
    private volatile Loaded _current;

    public LiveContent(IOptions<DialogsOptions> dialogs, IOptions<TriageOptions> triage, TimeProvider time)
    {
        _path = dialogs.Value.EffectivePath;
        _options = new DialogOptions { RetentionDays = triage.Value.RetentionDays, MaxRetries = triage.Value.MaxRetries };
        var content = DialogContentLoader.Load(_path);
        _current = new Loaded(content, new DialogEngine(content, _options), time.GetUtcNow());
    }

    public DialogContent Content => _current.Content;

    public DialogEngine Engine => _current.Engine;

    public DateTimeOffset LoadedAt => _current.At;

    /// <summary>An engine with the same settings on other content (the current content plus machine-translated languages).</summary>
    public DialogEngine EngineFor(DialogContent content) => new(content, _options);

    /// <summary>Loads dialogs/ again; returns the problems found (nothing changed then) or an empty list.</summary>
    public async Task<IReadOnlyList<string>> ReloadAsync(ICentreSettingsStore centreSettings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await centreSettings.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        lock (_reloading)
        {
            DialogContent content;
            try
            {
                content = DialogContentLoader.Load(_path);
            }
            catch (DialogContentException problem)
            {
                return problem.Problems;
            }

            content.Data.Centres.Apply(settings);
            _current = new Loaded(content, new DialogEngine(content, _options), now);
            return [];
        }
    }

    private sealed record Loaded(DialogContent Content, DialogEngine Engine, DateTimeOffset At);
}
