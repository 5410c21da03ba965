using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs;

/// <summary>A question put to the person outside the flow's own nodes, awaiting an answer.</summary>
public enum Pending
{
    None,

    /// <summary>Choose a language (first contact or "language").</summary>
    Language,

    /// <summary>Confirm "delete my data".</summary>
    DeleteConfirm,

    /// <summary>Pick the summary line to change.</summary>
    SummaryChange,

    /// <summary>Pick one of several occupations (or none of these).</summary>
    OccupationChoice,

    /// <summary>Skip the question or talk to a person, after repeated misunderstandings.</summary>
    Stuck,

    /// <summary>Pick the Land of a postcode that spans two.</summary>
    PlaceLand,

    /// <summary>Book a first consultation? (yes/no)</summary>
    BookingOffer,

    /// <summary>The name to book under (may be skipped).</summary>
    BookingName,

    /// <summary>Pick an offered time or write one.</summary>
    BookingSlot,

    /// <summary>No free time: join the waiting list? (yes/no)</summary>
    BookingWaitlist,
}

/// <summary>A booking being made (or moved) in this conversation.</summary>
public sealed class BookingProgress
{
    public required string CentreId { get; set; }

    /// <summary>The service's code (recognition, qualification, fair-integration).</summary>
    public required string Service { get; set; }

    /// <summary>The slot starts offered last, in the order of the buttons.</summary>
    public List<DateTimeOffset> Offered { get; set; } = [];

    public string? Name { get; set; }

    /// <summary>Counts booking attempts, so a retried turn books idempotently and a new attempt does not.</summary>
    public int Attempt { get; set; }

    /// <summary>The reference of the booking being moved, if this is a reschedule.</summary>
    public string? Moving { get; set; }

    /// <summary>The old start of the booking being moved, for the confirmation.</summary>
    public DateTimeOffset? MovingFrom { get; set; }
}

/// <summary>Where a conversation stands. Serialised as JSON into the state store after every turn.</summary>
public sealed class DialogState
{
    public const int CurrentVersion = 2;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>The flow node awaiting an answer (or last reached); null before the first question.</summary>
    public string? Node { get; set; }

    /// <summary>The language of the conversation; null until known.</summary>
    public string? Language { get; set; }

    /// <summary>Whether the person chose the language themselves (then nothing else switches it).</summary>
    public bool LanguageChosen { get; set; }

    public TriageAnswers Answers { get; set; } = new();

    /// <summary>The consent text version agreed to, and when.</summary>
    public string? ConsentVersion { get; set; }

    public DateTimeOffset? ConsentAt { get; set; }

    /// <summary>Which node gave each field its current answer (an answer whose node no longer applies is dropped).</summary>
    public Dictionary<string, string> AnsweredBy { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Nodes asked so far, for "back".</summary>
    public List<string> History { get; set; } = [];

    public Pending Pending { get; set; }

    /// <summary>Ids offered by the pending question (occupations, Länder, summary fields).</summary>
    public List<string> PendingOptions { get; set; } = [];

    /// <summary>Failed answers to the current question in a row.</summary>
    public int Retries { get; set; }

    /// <summary>Correcting from the summary: answered questions are skipped on the way back to it.</summary>
    public bool Editing { get; set; }

    /// <summary>Values chosen so far for the multi-choice question being asked.</summary>
    public List<string> Selection { get; set; } = [];

    /// <summary>Whether the urgent help for exploitation has been shown.</summary>
    public bool UrgentHelpShown { get; set; }

    /// <summary>Whether the result has been given (the triage is complete).</summary>
    public bool Completed { get; set; }

    public BookingProgress? Booking { get; set; }

    /// <summary>The reference of the booking made in this conversation, once made.</summary>
    public string? BookingReference { get; set; }

    /// <summary>Whether the person was told that the conversation is machine-translated.</summary>
    public bool MachineNoticeShown { get; set; }

    /// <summary>
    /// Messages of a machine-translated conversation: the English the engine was given -> what the person
    /// wrote. Free-text answers are stored as written, not as their translation.
    /// </summary>
    public Dictionary<string, string> Originals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The labels of the choices offered last, so a pressed button is never sent to a translator.</summary>
    public List<string> LastChoices { get; set; } = [];

    /// <summary>German translations of free-text answers for advisors (field name -> translation).</summary>
    public Dictionary<string, FreeTextTranslation> Translations { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A free-text answer in German for advisors: the text it translates, the translation, and its source language.</summary>
public sealed record FreeTextTranslation(string Original, string German, string SourceLanguage);
