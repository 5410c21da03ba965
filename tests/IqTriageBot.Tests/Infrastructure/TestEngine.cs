using IqTriageBot.Dialogs;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>The engine over the repository's own dialogs/, loaded once for all tests.</summary>
public static class TestEngine
{
    private static readonly Lazy<DialogEngine> Lazy = new(() => new DialogEngine(ReplyKeys.Content));

    public static DialogEngine Instance => Lazy.Value;

    public static DialogContent Content => ReplyKeys.Content;
}
