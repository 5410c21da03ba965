using System.Globalization;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Centres;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Dialogs;

/// <summary>
/// Booking a first consultation after the result: offer, name (unless anonymous), times as buttons or in the
/// person's own words, booking, confirmation with what to bring and a calendar file; cancel and move by
/// reference at any time. The calendar lives in the booking desk, so each step that needs it ends the turn
/// with a <see cref="DeskRequest"/> and goes on in <see cref="Continue"/>.
/// </summary>
public sealed partial class DialogEngine
{
    private const string WaitlistId = "waitlist";
    private const string NoSlotId = "no-slot";
    private const int SlotsOffered = 5;

    /// <summary>Goes on with the desk's answer to the request a turn ended with.</summary>
    public TurnResult Continue(DialogState state, UserTurn input, DeskRequest request, DeskAnswer answer)
    {
        var language = content.FindLanguage(state.Language) ?? content.Language(content.DefaultLanguage);
        var turn = new Turn(content, state, language, input);
        switch (request, answer)
        {
            case (DeskRequest.FindSlots asked, DeskAnswer.Slots slots):
                OfferSlots(turn, asked, slots.Found);
                break;
            case (DeskRequest.Book, DeskAnswer.Booked booked):
                Confirm(turn, booked);
                break;
            case (DeskRequest.Book, DeskAnswer.Unavailable unavailable):
                turn.Say(TextKeys.BookingTaken);
                OfferSlots(turn, null, unavailable.Alternatives);
                break;
            case (DeskRequest.Cancel, DeskAnswer.Cancelled cancelled):
                ConfirmCancel(turn, cancelled.Booking);
                break;
            case (DeskRequest.FindOwn, DeskAnswer.Own own):
                StartMoving(turn, own.Booking);
                break;
            default:
                throw new InvalidOperationException($"The desk answered {answer.GetType().Name} to {request.GetType().Name}.");
        }

        return turn.Result();
    }

    /// <summary>The booking node: offers a consultation with the responsible centre, else closes the conversation.</summary>
    private void OfferBooking(Turn turn)
    {
        var state = turn.State;
        state.Completed = true;
        var result = Route(state.Answers);
        var service = result.CentreServices.Where(s => s != Service.Zsba).Cast<Service?>().FirstOrDefault();
        if (service is null || state.Answers.Place is not { } place || ResponsibleCentre(state.Answers, service.Value, place) is not { Bookable: true } centre
            || state.BookingReference is not null)
        {
            AfterResult(turn);
            return;
        }

        state.Booking = new BookingProgress { CentreId = centre.Id, Service = Codes.Of(service.Value) };
        state.Pending = Pending.BookingOffer;
        turn.Add([TextKeys.BookingOffer], turn.Text(TextKeys.BookingOffer, "centre", CentreName(centre)),
            [turn.Option("true", TextKeys.OptYes), turn.Option("false", TextKeys.OptNo)]);
    }

    private void AnswerBookingOffer(Turn turn, string? text)
    {
        var state = turn.State;
        switch (YesNo(turn, text))
        {
            case true when Anonymous(state) || state.Booking!.Name is not null:
                RequestSlots(turn, null);
                break;
            case true:
                state.Pending = Pending.BookingName;
                turn.Add([TextKeys.BookingName], turn.Text(TextKeys.BookingName), [turn.Option(SkipId, TextKeys.OptSkip)]);
                break;
            case false:
                DeclineBooking(turn);
                break;
            default:
                if (++state.Retries > options.MaxRetries)
                {
                    DeclineBooking(turn);
                    return;
                }

                turn.Say(TextKeys.RepromptYesNo);
                turn.Add([TextKeys.BookingOffer], turn.Text(TextKeys.BookingOffer, "centre", CentreName(content.Data.Centres.Find(state.Booking!.CentreId)!)),
                    [turn.Option("true", TextKeys.OptYes), turn.Option("false", TextKeys.OptNo)]);
                break;
        }
    }

    private static void AnswerBookingName(Turn turn, string? text)
    {
        var name = text?.Trim() ?? string.Empty;
        if (!IsSkip(turn, text) && (name.Length is 0 or > 100 || !name.Any(char.IsLetter)))
        {
            turn.Say(TextKeys.RepromptText);
            turn.Add([TextKeys.BookingName], turn.Text(TextKeys.BookingName), [turn.Option(SkipId, TextKeys.OptSkip)]);
            return;
        }

        turn.State.Booking!.Name = IsSkip(turn, text) ? null : name;
        RequestSlots(turn, null);
    }

    /// <summary>A pressed time books it; written words ("Tuesday morning") look for free times then.</summary>
    private void AnswerBookingSlot(Turn turn, string? text)
    {
        var state = turn.State;
        var booking = state.Booking!;
        var picked = ChoiceMatcher.Match(text, SlotChoices(turn, booking.Offered));
        if (picked == NoSlotId)
        {
            state.Pending = Pending.BookingWaitlist;
            turn.Add([TextKeys.BookingDateUnclear], turn.Text(TextKeys.BookingDateUnclear), [turn.Option(WaitlistId, TextKeys.OptBookingWaitlist)]);
            return;
        }

        if (picked is not null && DateTimeOffset.TryParse(picked, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            RequestBooking(turn, start);
            return;
        }

        var when = ParseWhen(turn, text);
        if (when is not null)
        {
            state.Retries = 0;
            turn.Request = new DeskRequest.FindSlots(booking.CentreId, when.From, when.Until, when.DayFrom, when.DayUntil);
            return;
        }

        if (++state.Retries > options.MaxRetries)
        {
            state.Pending = Pending.BookingWaitlist;
            turn.Add([TextKeys.BookingNoneFree], turn.Text(TextKeys.BookingNoneFree),
                [turn.Option(WaitlistId, TextKeys.OptBookingWaitlist), turn.Option("false", TextKeys.OptNo)]);
            return;
        }

        turn.Add([TextKeys.BookingDateUnclear], turn.Text(TextKeys.BookingDateUnclear), SlotChoices(turn, booking.Offered));
    }

    private void AnswerBookingWaitlist(Turn turn, string? text)
    {
        var picked = ChoiceMatcher.Match(text, [turn.Option(WaitlistId, TextKeys.OptBookingWaitlist), turn.Option("false", TextKeys.OptNo)]);
        if (picked == WaitlistId || (picked is null && YesNo(turn, text) == true))
        {
            RequestBooking(turn, null);
            return;
        }

        if (picked is null && text is { Length: > 0 } && ParseWhen(turn, text) is { } when)
        {
            turn.State.Pending = Pending.BookingSlot;
            turn.Request = new DeskRequest.FindSlots(turn.State.Booking!.CentreId, when.From, when.Until, when.DayFrom, when.DayUntil);
            return;
        }

        DeclineBooking(turn);
    }

    /// <summary>A typed time, read with the catalog's words for parts of the day, tomorrow and the day after.</summary>
    private static WhenWanted? ParseWhen(Turn turn, string? text) =>
        WhenParser.Parse(text, BaseLanguage(turn.Language.Code), turn.Now,
            string.Join('|', turn.Words(TextKeys.WordsMorning)), string.Join('|', turn.Words(TextKeys.WordsAfternoon)),
            string.Join('|', turn.Words(TextKeys.WordsTomorrow)), string.Join('|', turn.Words(TextKeys.WordsDayAfterTomorrow)));

    private static void DeclineBooking(Turn turn)
    {
        turn.State.Pending = Pending.None;
        turn.State.Booking = null;
        turn.Say(TextKeys.BookingDeclined);
        AfterResult(turn);
    }

    private static void RequestSlots(Turn turn, WhenWanted? when)
    {
        turn.State.Pending = Pending.BookingSlot;
        turn.State.Retries = 0;
        turn.Request = new DeskRequest.FindSlots(turn.State.Booking!.CentreId, when?.From, when?.Until, when?.DayFrom, when?.DayUntil);
    }

    private void RequestBooking(Turn turn, DateTimeOffset? start)
    {
        var state = turn.State;
        var booking = state.Booking!;
        booking.Attempt++;
        var mode = state.Answers.Mode is null or CounsellingMode.Any ? CounsellingMode.InPerson : state.Answers.Mode.Value;
        var key = string.Create(CultureInfo.InvariantCulture, $"{booking.Attempt}:{start?.ToUnixTimeSeconds() ?? 0}");
        turn.Request = new DeskRequest.Book(booking.CentreId, Codes.Parse<Service>(booking.Service), start, mode, Anonymous(state), Anonymous(state) ? null : booking.Name, key, Snapshot(state));
    }

    /// <summary>The intake for the advisor: the (pruned) answers, language, consent and recommendation.</summary>
    private IntakeSnapshot Snapshot(DialogState state)
    {
        FlowWalker.Prune(content.Flow, state);
        var result = Route(state.Answers);
        var translations = FreeText.Current(content.Flow, state);
        return new IntakeSnapshot
        {
            GermanTranslations = translations.ToDictionary(t => t.Key, t => t.Value.German, StringComparer.Ordinal),
            TranslatedFrom = translations.ToDictionary(t => t.Key, t => t.Value.SourceLanguage, StringComparer.Ordinal),
            Answers = state.Answers,
            Language = state.Language ?? content.DefaultLanguage,
            ConsentVersion = state.ConsentVersion,
            ConsentAt = state.ConsentAt,
            Recommendations = result.Recommendations,
            Notes = result.Notes,
        };
    }

    private static bool Anonymous(DialogState state) =>
        state.Answers.Contact == ContactPreference.Anonymous && state.Booking?.Service == Codes.Of(Service.FairIntegration);

    private static void OfferSlots(Turn turn, DeskRequest.FindSlots? asked, IReadOnlyList<Slot> found)
    {
        var state = turn.State;
        var booking = state.Booking!;
        if (found.Count == 0 && asked is { } constrained && (constrained.From is not null || constrained.DayFrom is not null))
        {
            turn.Say(TextKeys.BookingSlotsThen);
            turn.Request = new DeskRequest.FindSlots(booking.CentreId, null, null);
            return;
        }

        if (found.Count == 0)
        {
            state.Pending = Pending.BookingWaitlist;
            turn.Add([TextKeys.BookingNoneFree], turn.Text(TextKeys.BookingNoneFree),
                [turn.Option(WaitlistId, TextKeys.OptBookingWaitlist), turn.Option("false", TextKeys.OptNo)]);
            return;
        }

        booking.Offered = found.Take(SlotsOffered).Select(s => s.Start).ToList();
        state.Pending = Pending.BookingSlot;
        var mode = state.Answers.Mode is null or CounsellingMode.Any ? CounsellingMode.InPerson : state.Answers.Mode.Value;
        turn.Add([TextKeys.BookingSlots], turn.Text(TextKeys.BookingSlots, "mode", turn.Catalog.Texts["opt.mode." + Codes.Of(mode)]), SlotChoices(turn, booking.Offered));
    }

    private static List<Choice> SlotChoices(Turn turn, IEnumerable<DateTimeOffset> starts) =>
        starts.Select(s => new Choice(s.ToString("O", CultureInfo.InvariantCulture), SlotLabel(turn, s)))
            .Append(turn.Option(NoSlotId, TextKeys.OptBookingNone))
            .ToList();

    private void Confirm(Turn turn, DeskAnswer.Booked booked)
    {
        var state = turn.State;
        var booking = booked.Booking;
        state.Pending = Pending.None;
        state.BookingReference = booking.Reference;
        if (booking.Start is null)
        {
            turn.Say(TextKeys.BookingWaitlisted, new Dictionary<string, string> { ["reference"] = booking.Reference });
            state.Booking = null;
            AfterResult(turn);
            return;
        }

        var centre = content.Data.Centres.Find(booking.CentreId)!;
        var keys = new List<string> { TextKeys.BookingConfirmed };
        var parts = new List<string>
        {
            turn.Text(TextKeys.BookingConfirmed, new Dictionary<string, string>
            {
                ["date"] = FormatDate(turn, booking.Start.Value),
                ["time"] = FormatTime(booking.Start.Value),
                ["centre"] = CentreName(centre),
                ["reference"] = booking.Reference,
            }),
        };
        var where = booking.Mode switch
        {
            CounsellingMode.Phone => TextKeys.BookingWherePhone,
            CounsellingMode.Video => TextKeys.BookingWhereVideo,
            _ when centre.PublicAddress is not null => TextKeys.BookingWhereInPerson,
            _ => TextKeys.BookingWhereUnknown,
        };
        keys.Add(where);
        parts.Add(turn.Text(where, "address", centre.PublicAddress ?? string.Empty));
        if (booking.Anonymous)
        {
            keys.Add(TextKeys.BookingAnonymous);
            parts.Add(turn.Text(TextKeys.BookingAnonymous));
        }

        keys.Add(TextKeys.BookingBring);
        parts.Add(turn.Text(TextKeys.BookingBring, "list", turn.Catalog.Texts[TextKeys.BookingBringFor(booking.Service)]));
        if (booked.CalendarLink is { } link)
        {
            keys.Add(TextKeys.BookingCalendar);
            parts.Add(turn.Text(TextKeys.BookingCalendar, "link", link));
        }

        keys.Add(TextKeys.BookingManage);
        parts.Add(turn.Text(TextKeys.BookingManage, "reference", booking.Reference));
        turn.Add(keys, string.Join("\n", parts), []);

        if (state.Booking?.Moving is { } moving)
        {
            turn.Request = new DeskRequest.Cancel(moving);
            return;
        }

        state.Booking = null;
        AfterResult(turn);
    }

    private void ConfirmCancel(Turn turn, Booking? cancelled)
    {
        var state = turn.State;
        if (state.Booking?.Moving is { } moving && cancelled?.Reference == moving)
        {
            turn.Say(TextKeys.BookingRescheduled, new Dictionary<string, string>
            {
                ["old"] = cancelled.Start is { } old ? $"{FormatDate(turn, old)}, {FormatTime(old)}" : moving,
            });
            state.Booking = null;
            AfterResult(turn);
            return;
        }

        if (cancelled is null)
        {
            turn.Say(TextKeys.BookingNotFound);
        }
        else if (cancelled.Start is { } start)
        {
            turn.Say(TextKeys.BookingCancelled, new Dictionary<string, string>
            {
                ["reference"] = cancelled.Reference,
                ["date"] = FormatDate(turn, start),
                ["time"] = FormatTime(start),
            });
        }
        else
        {
            turn.Say(TextKeys.BookingCancelledWaiting, new Dictionary<string, string> { ["reference"] = cancelled.Reference });
        }

        if (cancelled is not null && cancelled.Reference == state.BookingReference)
        {
            state.BookingReference = null;
        }

        Continue(turn);
    }

    private void StartMoving(Turn turn, Booking? own)
    {
        if (own is null || own.Start is null)
        {
            turn.Say(TextKeys.BookingNothingToMove);
            Continue(turn);
            return;
        }

        turn.State.Booking = new BookingProgress
        {
            CentreId = own.CentreId,
            Service = Codes.Of(own.Service),
            Name = own.Name,
            Moving = own.Reference,
            MovingFrom = own.Start,
        };
        RequestSlots(turn, null);
    }

    /// <summary>The message that the centre cancelled the appointment, in the language the booking was made in.</summary>
    public Reply Cancellation(Booking booking)
    {
        var language = content.FindLanguage(booking.Address.Language) ?? content.Language(content.DefaultLanguage);
        var turn = new Turn(content, new DialogState { Language = language.Code }, language, new UserTurn(TurnKind.Message, null, null));
        turn.Say(TextKeys.BookingCancelled, new Dictionary<string, string>
        {
            ["reference"] = booking.Reference,
            ["date"] = booking.Start is { } start ? FormatDate(turn, start) : string.Empty,
            ["time"] = booking.Start is { } at ? FormatTime(at) : string.Empty,
        });
        return turn.Replies[0];
    }

    /// <summary>The reminder the day before, in the language the booking was made in.</summary>
    public Reply Reminder(Booking booking)
    {
        var language = content.FindLanguage(booking.Address.Language) ?? content.Language(content.DefaultLanguage);
        var turn = new Turn(content, new DialogState { Language = language.Code }, language, new UserTurn(TurnKind.Message, null, null));
        var centre = content.Data.Centres.Find(booking.CentreId);
        turn.Say(TextKeys.BookingReminder, new Dictionary<string, string>
        {
            ["centre"] = centre is null ? booking.CentreId : CentreName(centre),
            ["date"] = booking.Start is { } start ? FormatDate(turn, start) : string.Empty,
            ["time"] = booking.Start is { } at ? FormatTime(at) : string.Empty,
            ["reference"] = booking.Reference,
        });
        return turn.Replies[0];
    }

    internal static string SlotLabel(Turn turn, DateTimeOffset start)
    {
        var local = SlotPlanner.ToBerlin(start);
        return $"{local.ToString("ddd d MMM", DateCulture(turn.Language.Code))}, {FormatTime(start)}";
    }

    internal static string FormatDate(Turn turn, DateTimeOffset start)
    {
        var culture = DateCulture(turn.Language.Code);
        return SlotPlanner.ToBerlin(start).ToString(culture.DateTimeFormat.LongDatePattern, culture);
    }

    internal static string FormatTime(DateTimeOffset start) =>
        SlotPlanner.ToBerlin(start).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The language's names of days and months, always on the Gregorian calendar (appointments are in Germany).</summary>
    private static CultureInfo DateCulture(string language)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(BaseLanguage(language)).Clone();
        if (culture.Calendar is not GregorianCalendar && culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is { } gregorian)
        {
            culture.DateTimeFormat.Calendar = gregorian;
        }

        return culture;
    }
}
