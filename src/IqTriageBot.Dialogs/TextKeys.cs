using IqTriageBot.Domain;
using IqTriageBot.Domain.Places;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Dialogs;

/// <summary>
/// Catalog keys the engine itself uses (the flow's own keys come from flow.yaml). Tests assert on these
/// ids, never on the prose. Every key listed here must be in text/en.yaml and so in every catalog.
/// </summary>
public static class TextKeys
{
    public const string Greeting = "greeting";
    public const string ChooseLanguage = "choose_language";
    public const string LanguageSet = "language_set";
    public const string RepromptLanguage = "reprompt.language";
    public const string TurnFailed = "turn_failed";
    public const string PageTitle = "page.title";
    public const string PageSubtitle = "page.subtitle";

    public const string HelpCommands = "help.commands";
    public const string BackNone = "back.none";
    public const string RestartDone = "restart.done";
    public const string DeleteConfirm = "delete.confirm";
    public const string DeleteDone = "delete.done";
    public const string DeleteCancelled = "delete.cancelled";
    public const string StuckAsk = "stuck.ask";
    public const string NumberHint = "render.number_hint";

    /// <summary>Said once when a conversation runs in a machine-translated language.</summary>
    public const string MachineTranslated = "translation.machine_notice";

    /// <summary>Said when the translator fails and the conversation goes on in a catalog language.</summary>
    public const string TranslationUnavailable = "translation.unavailable";

    // Not public: every public constant is a required key.
    private const string AcceptedWordsPrefix = "words.";

    public const string WordsYes = "words.yes";
    public const string WordsNo = "words.no";
    public const string WordsDone = "words.done";
    public const string WordsSkip = "words.skip";
    public const string OptYes = "opt.yes";
    public const string OptNo = "opt.no";
    public const string OptDone = "opt.done";
    public const string OptSkip = "opt.skip";
    public const string OptPerson = "opt.person";
    public const string OptRestart = "opt.restart";
    public const string OptDelete = "opt.delete";

    public const string RepromptChoice = "reprompt.choice";
    public const string RepromptMulti = "reprompt.multi";
    public const string RepromptYesNo = "reprompt.yesno";
    public const string RepromptText = "reprompt.text";
    public const string RepromptTextTooLong = "reprompt.text_too_long";
    public const string RepromptPlace = "reprompt.place";
    public const string RepromptPlaceUnknown = "reprompt.place_unknown";
    public const string RepromptPlaceAmbiguous = "reprompt.place_ambiguous";
    public const string RepromptCountry = "reprompt.country";
    public const string RepromptEmail = "reprompt.email";
    public const string RepromptPhone = "reprompt.phone";
    public const string MultiMore = "multi.more";
    public const string PlaceConfirmed = "place.confirmed";
    public const string PlaceConfirmedCityState = "place.confirmed_city_state";
    public const string PlaceWhichLand = "place.which_land";

    public const string OccupationClarify = "occupation_clarify.ask";
    public const string OccupationNoneOfThese = "occupation.none_of_these";
    public const string OccupationNoted = "occupation.noted";
    public const string VerdictTitle = "verdict.title";
    public const string VerdictAuthority = "verdict.authority";
    public const string VerdictAuthorityLand = "verdict.authority_land";
    public const string VerdictZab = "verdict.zab";
    public const string VerdictEuAutomatic = "verdict.eu_automatic";
    public const string VerdictConfirm = "verdict.confirm";
    public const string VerdictUnclassified = "verdict.unclassified";
    public const string UrgentHelp = "urgent.help";

    public const string SummaryAsk = "summary.ask";
    public const string SummaryQuestion = "summary.question";
    public const string SummaryHelp = "summary.help";
    public const string SummaryLine = "summary.line";
    public const string SummarySkipped = "summary.skipped";
    public const string SummaryWhich = "summary.which";
    public const string OptSummaryCorrect = "opt.summary.correct";
    public const string OptSummaryChange = "opt.summary.change";

    public const string ResultAsk = "result.ask";
    public const string ResultItem = "result.item";
    public const string ResultCentre = "result.centre";
    public const string ResultContactPhone = "result.contact_phone";
    public const string ResultContactEmail = "result.contact_email";
    public const string ResultContactWebsite = "result.contact_website";
    public const string ResultContactAddress = "result.contact_address";
    public const string ResultDisclaimer = "result.disclaimer";
    public const string ResultAfter = "result.after";
    public const string ResultHelp = "result.help";
    public const string ContactWebsite = "contact.website";
    public const string ContactPhone = "contact.phone";
    public const string NoteWorkPermit = "note.work-permit";

    public const string BookingOffer = "booking.offer";
    public const string BookingHelp = "booking.help";
    public const string BookingName = "booking.name";
    public const string BookingSlots = "booking.slots";
    public const string BookingSlotsThen = "booking.slots_then";
    public const string BookingDateUnclear = "booking.date_unclear";
    public const string BookingNoneFree = "booking.none_free";
    public const string BookingTaken = "booking.taken";
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingWhereInPerson = "booking.where_in_person";
    public const string BookingWhereUnknown = "booking.where_unknown";
    public const string BookingWherePhone = "booking.where_phone";
    public const string BookingWhereVideo = "booking.where_video";
    public const string BookingAnonymous = "booking.anonymous";
    public const string BookingBring = "booking.bring";
    public const string BookingBringRecognition = "booking.bring.recognition";
    public const string BookingBringQualification = "booking.bring.qualification";
    public const string BookingBringFairIntegration = "booking.bring.fair-integration";
    public const string BookingCalendar = "booking.calendar";
    public const string BookingManage = "booking.manage";
    public const string BookingDeclined = "booking.declined";
    public const string BookingWaitlisted = "booking.waitlisted";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingCancelledWaiting = "booking.cancelled_waiting";
    public const string BookingNotFound = "booking.not_found";
    public const string BookingNothingToMove = "booking.nothing_to_move";
    public const string BookingRescheduled = "booking.rescheduled";
    public const string BookingReminder = "booking.reminder";
    public const string OptBookingNone = "opt.booking.none";
    public const string OptBookingWaitlist = "opt.booking.waitlist";
    public const string WordsMorning = "words.morning";
    public const string WordsAfternoon = "words.afternoon";
    public const string WordsTomorrow = "words.tomorrow";
    public const string WordsDayAfterTomorrow = "words.day_after_tomorrow";

    public const string PersonCentre = "person.centre";
    public const string PersonGeneral = "person.general";
    public const string PersonAbroad = "person.abroad";
    public const string PersonContinue = "person.continue";

    /// <summary>The command words, by command.</summary>
    public static readonly IReadOnlyDictionary<Command, string> Commands = new Dictionary<Command, string>
    {
        [Command.Help] = "cmd.help",
        [Command.Back] = "cmd.back",
        [Command.Restart] = "cmd.restart",
        [Command.Language] = "cmd.language",
        [Command.Person] = "cmd.person",
        [Command.Delete] = "cmd.delete",
        [Command.Cancel] = "cmd.cancel",
        [Command.Reschedule] = "cmd.reschedule",
    };

    /// <summary>What to bring to a first consultation of a service (recognition, qualification, Fair Integration).</summary>
    public static string BookingBringFor(Service service) => service switch
    {
        Service.Qualification => BookingBringQualification,
        Service.FairIntegration => BookingBringFairIntegration,
        _ => BookingBringRecognition,
    };

    public static string Verdict(Domain.Occupations.Regulation regulation) => "verdict." + Codes.Of(regulation);

    public static string ServiceName(Service service) => "service." + Codes.Of(service);

    public static string ReasonText(Reason reason) => "reason." + Codes.Of(reason);

    public static string Land(string code) => "land." + code;

    /// <summary>
    /// The optional key with the words an option may be typed as besides its label: words.opt.&lt;field&gt;.&lt;value&gt;
    /// for the option opt.&lt;field&gt;.&lt;value&gt;.
    /// </summary>
    public static string AcceptedWords(string optionKey) => AcceptedWordsPrefix + optionKey;

    /// <summary>Whether the key lists accepted words of an option (optional in every catalog).</summary>
    public static bool IsAcceptedWords(string key) => key.StartsWith(AcceptedWordsPrefix + "opt.", StringComparison.Ordinal);

    /// <summary>The option key an accepted-words key belongs to.</summary>
    public static string OptionOfAcceptedWords(string key) => key[AcceptedWordsPrefix.Length..];

    public static string Authority(string id) => "authority." + id;

    /// <summary>Every key above plus those derived from the domain's codes.</summary>
    public static IEnumerable<string> All()
    {
        var constants = typeof(TextKeys).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        return constants
            .Concat(Commands.Values)
            .Concat(Enum.GetValues<Domain.Occupations.Regulation>().Select(Verdict))
            .Concat(Enum.GetValues<Service>().Select(ServiceName))
            .Concat(Enum.GetValues<Reason>().Select(ReasonText))
            .Concat(Lands.All.Select(Land));
    }
}

/// <summary>Commands a person can give at any step, in any catalog language.</summary>
public enum Command { Help, Back, Restart, Language, Person, Delete, Cancel, Reschedule }
