using System.Text;
using System.Text.RegularExpressions;

namespace IqTriageBot.Dialogs;

/// <summary>One turn in progress: the state being changed, the language, and the replies and effects so far.</summary>
internal sealed partial class Turn(DialogContent content, DialogState state, LanguageInfo language, UserTurn input)
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    public DialogContent Content { get; } = content;

    public DialogState State { get; set; } = state;

    public LanguageInfo Language { get; set; } = language;

    public UserTurn Input { get; } = input;

    public List<Reply> Replies { get; } = [];

    public List<TurnEffect> Effects { get; } = [];

    /// <summary>A question for the booking desk; the engine continues when it is answered.</summary>
    public DeskRequest? Request { get; set; }

    /// <summary>When this turn happens.</summary>
    public DateTimeOffset Now => Input.Now;

    public TextCatalog Catalog => Content.Catalogs[Language.Code];

    /// <summary>
    /// The text of a key with its arguments. In right-to-left languages each argument and each URL or e-mail
    /// address is wrapped in a first-strong isolate, so postcodes, numbers and Latin names keep their order.
    /// </summary>
    public string Text(string key, IReadOnlyDictionary<string, string>? args = null)
    {
        if (!Language.IsRightToLeft)
        {
            return Catalog.Format(key, args);
        }

        var isolated = args?.ToDictionary(p => p.Key, p => Isolate(p.Value), StringComparer.Ordinal);
        return LatinRun().Replace(Catalog.Format(key, isolated), match => Isolate(match.Value));
    }

    public string Text(string key, string name, string value) => Text(key, new Dictionary<string, string> { [name] = value });

    /// <summary>The words a command or answer may be typed as: this language's and English.</summary>
    public string[] Words(string key) => [Catalog.Texts[key], Content.Catalogs[DialogContentLoader.ReferenceLanguage].Texts[key]];

    /// <summary>
    /// The words an option (its label key) may be typed as besides its label, from the optional
    /// words.opt.… key: this language's and English.
    /// </summary>
    public IEnumerable<string> AcceptedWords(string optionKey)
    {
        var key = TextKeys.AcceptedWords(optionKey);
        return new[] { Catalog, Content.Catalogs[DialogContentLoader.ReferenceLanguage] }.Distinct()
            .SelectMany(catalog => catalog.Texts.TryGetValue(key, out var words) ? words.Split('|') : []);
    }

    public void Say(string key, IReadOnlyDictionary<string, string>? args = null) => Add([key], Text(key, args), []);

    public void Add(IReadOnlyList<string> keys, string text, IReadOnlyList<Choice> choices) =>
        Replies.Add(new Reply(keys, text, Language, choices) { NumberHint = choices.Count > 0 ? Text(TextKeys.NumberHint) : null });

    public Choice Option(string id, string key) => new(id, Catalog.Texts[key]);

    public TurnResult Result() => new(State, Replies, Effects, Request);

    private static string Isolate(string value) =>
        value.Length == 0 || value[0] == FirstStrongIsolate ? value : new StringBuilder().Append(FirstStrongIsolate).Append(value).Append(PopDirectionalIsolate).ToString();

    [GeneratedRegex(@"\u2068[^\u2069]*\u2069|https?://\S+[^\s.,;:!?)\]»]|[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex LatinRun();
}
