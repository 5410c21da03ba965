using IqTriageBot.Dialogs.Flow;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Occupations;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Dialogs;

/// <summary>What the triage tells the person: the occupation verdict, urgent help, the result, contacts.</summary>
public sealed partial class DialogEngine
{
    private void RunInfo(Turn turn, FlowNode node)
    {
        switch (node.Hook)
        {
            case Hooks.OccupationVerdict:
                ShowVerdict(turn);
                break;
        }
    }

    /// <summary>
    /// The German reference occupation, what its regulation means, who decides (in the person's Land where
    /// that matters), EU automatic recognition where it may apply, and that the advisor confirms it.
    /// </summary>
    private void ShowVerdict(Turn turn)
    {
        var answers = turn.State.Answers;
        if (answers.Occupation is not { } given)
        {
            return;
        }

        var occupation = content.Data.Occupations.Find(given.OccupationId);
        if (occupation is null)
        {
            turn.Say(TextKeys.VerdictUnclassified, new Dictionary<string, string> { ["occupation"] = given.Text });
            return;
        }

        var keys = new List<string> { TextKeys.VerdictTitle, TextKeys.Verdict(occupation.Regulation) };
        var parts = new List<string>
        {
            turn.Text(TextKeys.VerdictTitle, "title", OccupationLabel(turn, occupation)),
            turn.Text(TextKeys.Verdict(occupation.Regulation)),
        };
        if (occupation.IsAcademicWithoutProcedure)
        {
            keys.Add(TextKeys.VerdictZab);
            parts.Add(turn.Text(TextKeys.VerdictZab));
        }
        else
        {
            var authority = turn.Catalog.Texts[TextKeys.Authority(occupation.Authority.Id)];
            if (occupation.Authority.PerLand && answers.Place is { } place)
            {
                keys.Add(TextKeys.VerdictAuthorityLand);
                parts.Add(turn.Text(TextKeys.VerdictAuthorityLand, new Dictionary<string, string> { ["authority"] = authority, ["land"] = turn.Catalog.Texts[TextKeys.Land(place.Land)] }));
            }
            else
            {
                keys.Add(TextKeys.VerdictAuthority);
                parts.Add(turn.Text(TextKeys.VerdictAuthority, "authority", authority));
            }
        }

        if (occupation.EuAutomatic && content.Data.Countries.ByCode(answers.QualificationCountry) is { IsEuEeaSwiss: true } country)
        {
            keys.Add(TextKeys.VerdictEuAutomatic);
            parts.Add(turn.Text(TextKeys.VerdictEuAutomatic, "country", country.NameIn(BaseLanguage(turn.Language.Code))));
        }

        keys.Add(TextKeys.VerdictConfirm);
        parts.Add(turn.Text(TextKeys.VerdictConfirm));
        turn.Add(keys, string.Join("\n", parts), []);
    }

    private static void ShowUrgentHelp(Turn turn)
    {
        if (!turn.State.UrgentHelpShown)
        {
            turn.State.UrgentHelpShown = true;
            turn.Say(TextKeys.UrgentHelp);
        }
    }

    /// <summary>Routes the (pruned) answers and explains each recommended service and why.</summary>
    private void ShowResult(Turn turn)
    {
        var state = turn.State;
        FlowWalker.Prune(content.Flow, state);
        var result = Route(state.Answers);
        var keys = new List<string> { TextKeys.ResultAsk };
        var lines = new List<string> { turn.Text(TextKeys.ResultAsk) };
        foreach (var recommendation in result.Recommendations)
        {
            keys.Add(TextKeys.ReasonText(recommendation.Reason));
            var item = "• " + turn.Text(TextKeys.ResultItem, new Dictionary<string, string>
            {
                ["service"] = turn.Catalog.Texts[TextKeys.ServiceName(recommendation.Service)],
                ["reason"] = turn.Catalog.Texts[TextKeys.ReasonText(recommendation.Reason)],
            });
            if (recommendation.Service is not (Service.Recognition or Service.Qualification or Service.FairIntegration)
                && ServiceContact(turn, recommendation.Service) is { Length: > 0 } contact)
            {
                item += " " + contact;
            }

            lines.Add(item);
        }

        if (result.Notes.Contains(Note.WorkPermit))
        {
            keys.Add(TextKeys.NoteWorkPermit);
            lines.Add(turn.Text(TextKeys.NoteWorkPermit));
        }

        turn.Add(keys, string.Join('\n', lines), []);
        if (result.CentreServices.Where(s => s != Service.Zsba).Cast<Service?>().FirstOrDefault() is { } service
            && state.Answers.Place is { } place
            && ResponsibleCentre(state.Answers, service, place) is { } centre)
        {
            turn.Add([TextKeys.ResultCentre], turn.Text(TextKeys.ResultCentre, new Dictionary<string, string>
            {
                ["centre"] = CentreName(centre),
                ["contact"] = CentreContact(turn, centre, service),
            }), []);
        }

        state.Completed = true;
        turn.Say(TextKeys.ResultDisclaimer);
    }

    /// <summary>The services that fit the answers (a pure function of them and the occupation verdict).</summary>
    public RoutingResult Route(TriageAnswers answers)
    {
        var occupation = content.Data.Occupations.Find(answers.Occupation?.OccupationId);
        var fromEu = content.Data.Countries.ByCode(answers.QualificationCountry)?.IsEuEeaSwiss == true;
        return Router.Route(answers, occupation, fromEu);
    }

    private static void AfterResult(Turn turn) =>
        turn.Add([TextKeys.ResultAfter], turn.Text(TextKeys.ResultAfter), AfterChoices(turn));

    private static List<Choice> AfterChoices(Turn turn) =>
        [turn.Option(RestartId, TextKeys.OptRestart), turn.Option(PersonId, TextKeys.OptPerson), turn.Option(DeleteId, TextKeys.OptDelete)];

    /// <summary>
    /// The contact of someone who can help: ZSBA for people abroad; the responsible centre when the Land is
    /// known (Fair Integration for a labour question only, else recognition counselling); else where to look.
    /// </summary>
    private void TalkToPerson(Turn turn)
    {
        var answers = turn.State.Answers;
        if (answers.LivesIn == LivesIn.Abroad && content.Data.Centres.Zsba is { } zsba)
        {
            turn.Say(TextKeys.PersonAbroad, new Dictionary<string, string> { ["contact"] = CentreContact(turn, zsba, Service.Zsba) });
            return;
        }

        var service = answers.Has(Concern.Work) && !answers.Has(Concern.Recognition) && !answers.Has(Concern.Qualification)
            ? Service.FairIntegration
            : answers.Has(Concern.Qualification) ? Service.Qualification : Service.Recognition;
        if (answers.Place is { } place && ResponsibleCentre(answers, service, place) is { } centre)
        {
            turn.Say(TextKeys.PersonCentre, new Dictionary<string, string> { ["centre"] = CentreName(centre), ["contact"] = CentreContact(turn, centre, service) });
            return;
        }

        turn.Say(TextKeys.PersonGeneral);
    }

    private Domain.Centres.Centre? ResponsibleCentre(TriageAnswers answers, Service service, PlaceAnswer place) =>
        content.Data.Centres.Responsible(service, place.Land, place.RoutingPostcode, answers.CounsellingLanguage, answers.Mode) is { Count: > 0 } found ? found[0] : null;

    private static string CentreName(Domain.Centres.Centre centre) =>
        centre.Name.Contains(centre.Address.City, StringComparison.Ordinal) || centre.Address.City.Length == 0 ? centre.Name : $"{centre.Name} ({centre.Address.City})";

    /// <summary>Only contact points confirmed in a public source; else the service's own website.</summary>
    private string CentreContact(Turn turn, Domain.Centres.Centre centre, Service service)
    {
        var parts = new List<string>();
        if (centre.PublicAddress is { } address)
        {
            parts.Add(turn.Text(TextKeys.ResultContactAddress, "address", address));
        }

        if (centre.PublicPhone is { } phone)
        {
            parts.Add(turn.Text(TextKeys.ResultContactPhone, "phone", phone));
        }

        if (centre.PublicEmail is { } email)
        {
            parts.Add(turn.Text(TextKeys.ResultContactEmail, "email", email));
        }

        if (centre.PublicWebsite is { } website)
        {
            parts.Add(turn.Text(TextKeys.ResultContactWebsite, "website", website));
        }

        return parts.Count > 0 ? string.Join(' ', parts) : ServiceContact(turn, service);
    }

    /// <summary>The public website and phone of a service from data/services.yaml.</summary>
    private string ServiceContact(Turn turn, Service service)
    {
        if (content.Data.Centres.Service(Codes.Of(service)) is not { } info)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (info.PublicPhone is { } phone)
        {
            parts.Add(turn.Text(TextKeys.ContactPhone, "phone", phone));
        }

        if (info.PublicWebsite is { } website)
        {
            parts.Add(turn.Text(TextKeys.ContactWebsite, "website", website));
        }

        return string.Join(' ', parts);
    }
}
