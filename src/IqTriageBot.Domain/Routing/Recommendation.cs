namespace IqTriageBot.Domain.Routing;

/// <summary>The services the triage can recommend. IQ recognition and qualification counselling, Fair
/// Integration and ZSBA are run by advice centres in dialogs/data/centres.yaml; the others are referrals.</summary>
public enum Service
{
    ExploitationHelp,
    Recognition,
    Qualification,
    FairIntegration,
    Zsba,
    FaireMobilitaet,
    LabourLawAdvice,
    Mbe,
    Jmd,
    CertificateRecognition,
    Zab,
    EmploymentAgency,
    HotlineAlid,
}

/// <summary>Why a service is recommended; each code has a plain-language text (reason.&lt;code&gt;) in every catalog.</summary>
public enum Reason
{
    RedFlags,
    AbroadRecognition,
    AbroadLabourTcn,
    AbroadLabourEu,
    AbroadGeneral,
    SchoolCertificate,
    NoQualification,
    NotApplied,
    Pending,
    StatusUnknown,
    Rejected,
    DeficitNotice,
    NeedsTraining,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("permit-16d")] Permit16d,
    ZabBridge,
    FullRecognition,
    ZabOptional,
    LabourTcn,
    LabourEu,
    LabourGerman,
    LabourUnknown,
    SettlingAdult,
    SettlingYoung,
    SettlingAgeUnknown,
    Unsure,
}

/// <summary>Extra facts the result mentions (note.&lt;code&gt;).</summary>
public enum Note { WorkPermit, EuAutomatic }

public sealed record Recommendation(Service Service, Reason Reason);

public sealed record RoutingResult(IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<Note> Notes)
{
    /// <summary>Services an advice centre of ours offers and books, in the order recommended.</summary>
    public IEnumerable<Service> CentreServices =>
        Recommendations.Select(r => r.Service).Where(s => s is Service.Recognition or Service.Qualification or Service.FairIntegration or Service.Zsba);
}
