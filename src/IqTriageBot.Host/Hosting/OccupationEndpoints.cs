using IqTriageBot.Dialogs;
using IqTriageBot.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IqTriageBot.Host.Hosting;

/// <summary>
/// GET /api/occupations/search?q=&amp;lang= for advisors' tools and evaluation: the best German reference
/// occupations for a text in any language, with regulation, codes, competent authority type and score.
/// </summary>
public static class OccupationEndpoints
{
    public const int MaxQueryLength = 200;

    public static IEndpointRouteBuilder MapOccupations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/occupations/search", Search);
        return routes;
    }

    private static Results<Ok<OccupationSearchResult>, ProblemHttpResult> Search(string? q, string? lang, DialogContent content)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Problem("Give the occupation to look for in the query parameter q.", statusCode: StatusCodes.Status400BadRequest, title: "q is empty");
        }

        if (q.Length > MaxQueryLength)
        {
            return TypedResults.Problem($"q may be at most {MaxQueryLength} characters long.", statusCode: StatusCodes.Status400BadRequest, title: "q is too long");
        }

        var language = lang?.Split('-', '_')[0].ToLowerInvariant();
        var matches = content.Data.Occupations.Classifier.Classify(q, language).Candidates
            .Select(c => new OccupationMatch(
                c.Occupation.Id,
                c.Occupation.TitleDe,
                c.Occupation.TitleEn,
                Codes.Of(c.Occupation.Regulation),
                c.Occupation.Kldb,
                c.Occupation.Isco,
                c.Occupation.Authority.NameDe,
                Math.Clamp(c.Score, 0, 1)))
            .ToList();
        return TypedResults.Ok(new OccupationSearchResult(q, matches));
    }
}

public sealed record OccupationSearchResult(string Query, IReadOnlyList<OccupationMatch> Matches);

public sealed record OccupationMatch(string Id, string TitleDe, string TitleEn, string Regulation, string Kldb, string Isco, string Authority, double Score);
