using System.Net;
using System.Text.Json.Nodes;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Occupations;

/// <summary>GET /api/occupations/search over HTTP: the verdicts for typical queries and the bad-input answers.</summary>
public class OccupationSearchApiTests : IntegrationTest
{
    [Theory]
    [InlineData("طبيب أسنان", "ar", "dentist", "regulated")]
    [InlineData("медсестра", "ru", "nurse", "regulated")]
    [InlineData("Elektrikerin", "de", "electrician-buildings", "self-employment-only")]
    [InlineData("ingeniero civil", "es", "engineer-civil", "title-protected")]
    [InlineData("Lehrerin für Mathe", "de", null, "regulated")]
    [InlineData("pharmacist", "en", "pharmacist", "regulated")]
    [InlineData("aşçı", "tr", "cook", "not-regulated")]
    [InlineData("Krankenpflegerin", "de", "nurse", "regulated")]
    [InlineData("pezeshk", "fa", "doctor", "regulated")]
    public async Task Best_match_gives_the_verdict(string query, string language, string? id, string regulation)
    {
        var result = await SearchAsync(query, language);

        Assert.Equal(query, DirectLineApi.Str(result, "query"));
        var best = result["matches"]!.AsArray()[0]!;
        if (id is not null)
        {
            Assert.Equal(id, DirectLineApi.Str(best, "id"));
        }

        Assert.Equal(regulation, DirectLineApi.Str(best, "regulation"));
        Assert.Matches("^[0-9]{5}$", DirectLineApi.Str(best, "kldb"));
        Assert.Matches("^[0-9]{4}$", DirectLineApi.Str(best, "isco"));
        Assert.False(string.IsNullOrWhiteSpace(DirectLineApi.Str(best, "titleDe")));
        Assert.False(string.IsNullOrWhiteSpace(DirectLineApi.Str(best, "authority")));
    }

    [Fact]
    public async Task At_most_five_matches_best_first_with_scores_between_0_and_1()
    {
        var result = await SearchAsync("Ingenieur", "de");

        var matches = result["matches"]!.AsArray();
        Assert.InRange(matches.Count, 2, 5);
        var scores = matches.Select(m => m!["score"]!.GetValue<double>()).ToList();
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(["id", "titleDe", "titleEn", "regulation", "kldb", "isco", "authority", "score"], matches[0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Nonsense_gives_no_match()
    {
        var result = await SearchAsync("qwxzv", "en");

        Assert.Empty(result["matches"]!.AsArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_query_is_a_bad_request_with_a_reason(string query)
    {
        using var response = await Http.GetAsync($"/api/occupations/search?q={Uri.EscapeDataString(query)}&lang=en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_query_is_a_bad_request()
    {
        using var response = await Http.GetAsync("/api/occupations/search");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Query_over_200_characters_is_a_bad_request()
    {
        using var ok = await Http.GetAsync($"/api/occupations/search?q={new string('a', 200)}&lang=en");
        using var tooLong = await Http.GetAsync($"/api/occupations/search?q={new string('a', 201)}&lang=en");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    private async Task<JsonNode> SearchAsync(string query, string language)
    {
        using var response = await Http.GetAsync($"/api/occupations/search?q={Uri.EscapeDataString(query)}&lang={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
