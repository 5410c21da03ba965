using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Occupations;

namespace IqTriageBot.Domain.Routing;

/// <summary>
/// Which services fit the answers, and why. A pure function of the answers and the occupation verdict:
/// exploitation first; recognition track (none completed -> employment agency; abroad -> ZSBA; in Germany by
/// recognition status); labour rights by citizenship (non-EU -> Fair Integration, also from abroad; EU ->
/// Faire Mobilität); settling-in by age (MBE from 27, JMD up to 26); school certificates to the Land office.
/// </summary>
public static class Router
{
    public static RoutingResult Route(TriageAnswers answers, Occupation? occupation, bool qualificationFromEuEeaSwiss)
    {
        var result = new Builder();
        var abroad = answers.LivesIn == LivesIn.Abroad;

        if (answers.Has(Concern.Work) && answers.HasRedFlags)
        {
            result.Add(Service.ExploitationHelp, Reason.RedFlags);
        }

        if (answers.Has(Concern.Recognition) || answers.Has(Concern.Qualification) || answers.Has(Concern.Unsure))
        {
            if (answers.Level == QualificationLevel.None)
            {
                result.Add(Service.EmploymentAgency, Reason.NoQualification);
            }
            else if (abroad)
            {
                result.Add(Service.Zsba, Reason.AbroadRecognition);
            }
            else
            {
                RouteRecognition(answers, occupation, result);
            }
        }

        if (answers.Has(Concern.Work))
        {
            RouteLabour(abroad, Residence.CitizenshipOf(answers), result);
        }

        if (answers.Has(Concern.Settling))
        {
            RouteSettling(answers, abroad, result);
        }

        if (answers.Has(Concern.School))
        {
            result.Add(Service.CertificateRecognition, Reason.SchoolCertificate);
        }

        if (result.IsEmpty)
        {
            result.Add(abroad ? Service.HotlineAlid : Service.Recognition, abroad ? Reason.AbroadGeneral : Reason.Unsure);
        }

        if (Residence.NeedsWorkPermitPerJob(answers) && (answers.Has(Concern.Work) || answers.Has(Concern.Recognition) || answers.Has(Concern.Qualification)))
        {
            result.Notes.Add(Note.WorkPermit);
        }

        if (occupation?.EuAutomatic == true && qualificationFromEuEeaSwiss)
        {
            result.Notes.Add(Note.EuAutomatic);
        }

        return result.Build();
    }

    private static void RouteRecognition(TriageAnswers answers, Occupation? occupation, Builder result)
    {
        if (answers.ResidenceStatus == ResidenceStatus.QualificationMeasure)
        {
            result.Add(Service.Qualification, Reason.Permit16d);
        }

        var status = answers.RecognitionStatus;
        switch (status)
        {
            case RecognitionStatus.Partial:
                result.Add(Service.Qualification, Reason.DeficitNotice);
                break;
            case RecognitionStatus.Full when !answers.Has(Concern.Qualification):
                result.Add(Service.EmploymentAgency, Reason.FullRecognition);
                break;
            case RecognitionStatus.Zab:
                result.Add(Service.Qualification, Reason.ZabBridge);
                break;
            case RecognitionStatus.Rejected:
                result.Add(Service.Recognition, Reason.Rejected);
                break;
            case RecognitionStatus.Pending:
                result.Add(Service.Recognition, Reason.Pending);
                break;
            case RecognitionStatus.NotApplied:
                result.Add(Service.Recognition, Reason.NotApplied);
                break;
            case RecognitionStatus.Unknown or null:
                result.Add(Service.Recognition, Reason.StatusUnknown);
                break;
        }

        if (answers.Has(Concern.Qualification))
        {
            result.Add(Service.Qualification, Reason.NeedsTraining);
        }

        if (occupation?.IsAcademicWithoutProcedure == true && status is RecognitionStatus.NotApplied or RecognitionStatus.Unknown or null)
        {
            result.Add(Service.Zab, Reason.ZabOptional);
        }
    }

    private static void RouteLabour(bool abroad, Citizenship citizenship, Builder result)
    {
        switch (citizenship)
        {
            case Citizenship.ThirdCountry:
                result.Add(Service.FairIntegration, abroad ? Reason.AbroadLabourTcn : Reason.LabourTcn);
                break;
            case Citizenship.EuEeaSwiss:
                result.Add(Service.FaireMobilitaet, abroad ? Reason.AbroadLabourEu : Reason.LabourEu);
                break;
            case Citizenship.German:
                result.Add(Service.LabourLawAdvice, Reason.LabourGerman);
                break;
            default:
                result.Add(Service.FairIntegration, Reason.LabourUnknown);
                result.Add(Service.FaireMobilitaet, Reason.LabourUnknown);
                break;
        }
    }

    private static void RouteSettling(TriageAnswers answers, bool abroad, Builder result)
    {
        if (abroad)
        {
            result.Add(Service.HotlineAlid, Reason.AbroadGeneral);
            return;
        }

        switch (answers.AgeGroup)
        {
            case AgeGroup.Over27:
                result.Add(Service.Mbe, Reason.SettlingAdult);
                break;
            case AgeGroup.Under27:
                result.Add(Service.Jmd, Reason.SettlingYoung);
                break;
            default:
                result.Add(Service.Mbe, Reason.SettlingAgeUnknown);
                result.Add(Service.Jmd, Reason.SettlingAgeUnknown);
                break;
        }
    }

    private sealed class Builder
    {
        private readonly List<Recommendation> _recommendations = [];

        public List<Note> Notes { get; } = [];

        public bool IsEmpty => _recommendations.Count == 0;

        /// <summary>Adds the service unless it is already recommended (the first reason stands).</summary>
        public void Add(Service service, Reason reason)
        {
            if (_recommendations.All(r => r.Service != service))
            {
                _recommendations.Add(new Recommendation(service, reason));
            }
        }

        public RoutingResult Build() => new(_recommendations, Notes);
    }
}
