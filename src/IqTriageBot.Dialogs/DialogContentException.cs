namespace IqTriageBot.Dialogs;

/// <summary>The content in dialogs/ is incomplete or inconsistent; the message lists every problem found.</summary>
public sealed class DialogContentException(IReadOnlyList<string> problems)
    : Exception("The dialog content is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
