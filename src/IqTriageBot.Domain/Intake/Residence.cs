namespace IqTriageBot.Domain.Intake;

/// <summary>Whose citizenship a labour-rights referral depends on (Fair Integration is for non-EU citizens only).</summary>
public enum Citizenship { German, EuEeaSwiss, ThirdCountry, Unknown }

/// <summary>What the residence answers imply, so routing and the summary read one interpretation.</summary>
public static class Residence
{
    /// <summary>The IQ residence status: the detailed answer, else the one its group implies, else "abroad".</summary>
    public static ResidenceStatus? StatusOf(TriageAnswers answers)
    {
        if (answers.LivesIn == LivesIn.Abroad)
        {
            return ResidenceStatus.Abroad;
        }

        return answers.ResidenceStatus ?? answers.ResidenceGroup switch
        {
            ResidenceGroup.German => ResidenceStatus.German,
            ResidenceGroup.Eu => ResidenceStatus.EuCitizen,
            ResidenceGroup.Asylum => ResidenceStatus.Asylum,
            ResidenceGroup.Duldung => ResidenceStatus.Duldung,
            ResidenceGroup.Family => ResidenceStatus.Family,
            _ => null,
        };
    }

    /// <summary>
    /// Citizenship from the residence status where it tells (any residence title means a non-EU citizen),
    /// otherwise from the citizenship question.
    /// </summary>
    public static Citizenship CitizenshipOf(TriageAnswers answers) => StatusOf(answers) switch
    {
        ResidenceStatus.German => Citizenship.German,
        ResidenceStatus.EuCitizen => Citizenship.EuEeaSwiss,
        null or ResidenceStatus.Abroad or ResidenceStatus.Unknown or ResidenceStatus.NotSaid => answers.Nationality switch
        {
            Nationality.German => Citizenship.German,
            Nationality.Eu => Citizenship.EuEeaSwiss,
            Nationality.Other => Citizenship.ThirdCountry,
            _ => Citizenship.Unknown,
        },
        _ => Citizenship.ThirdCountry,
    };

    /// <summary>Statuses under which every job needs a permit from the immigration office.</summary>
    public static bool NeedsWorkPermitPerJob(TriageAnswers answers) =>
        StatusOf(answers) is ResidenceStatus.Asylum or ResidenceStatus.Duldung;
}
