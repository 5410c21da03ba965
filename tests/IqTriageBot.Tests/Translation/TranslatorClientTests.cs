using System.Text.Json.Nodes;
using IqTriageBot.Domain.Translation;
using IqTriageBot.Host.Translation;
using Microsoft.Extensions.Logging.Abstractions;

namespace IqTriageBot.Tests.Translation;

/// <summary>Each client against the local fake of its service: the documented request, the answer, and every way it fails.</summary>
public sealed class TranslatorClientTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private FakeTranslatorServer _server = null!;

    public static TheoryData<string> Providers => new() { "azure", "deepl", "libretranslate" };

    public async Task InitializeAsync() => _server = await FakeTranslatorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private HttpTranslator Client(string provider, string? key = FakeTranslatorServer.Key, int timeoutSeconds = 10)
    {
        var options = new TranslationOptions { Provider = provider, Endpoint = _server.Endpoint, Key = key, Region = FakeTranslatorServer.Region, TimeoutSeconds = timeoutSeconds };
        return provider switch
        {
            "azure" => new AzureTranslator(_http, options, NullLogger<AzureTranslator>.Instance),
            "deepl" => new DeepLTranslator(_http, options, NullLogger<DeepLTranslator>.Instance),
            _ => new LibreTranslator(_http, options, NullLogger<LibreTranslator>.Instance),
        };
    }

    [Fact]
    public async Task Azure_sends_the_documented_request_and_reads_the_answer_in_order()
    {
        var result = await Client("azure").TranslateAsync(["nurse", "Hello"], "en", "de", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["Krankenpflegerin", "DE: Hello"], result.Texts.Select(t => t.Text));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/translate", request.Path);
        Assert.Equal("3.0", request.Query["api-version"]);
        Assert.Equal("en", request.Query["from"]);
        Assert.Equal("de", request.Query["to"]);
        Assert.Equal(FakeTranslatorServer.Key, request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal(FakeTranslatorServer.Region, request.Headers["Ocp-Apim-Subscription-Region"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!.AsArray();
        Assert.Equal("nurse", body[0]!["Text"]!.GetValue<string>());
        Assert.Equal(2, body.Count);
    }

    [Fact]
    public async Task Azure_without_a_source_language_lets_the_service_detect_it()
    {
        var result = await Client("azure").TranslateAsync(["ممرضة"], null, "de", CancellationToken.None);

        Assert.Equal("Krankenschwester", Assert.Single(result.Texts).Text);
        Assert.Equal("ar", result.Texts[0].DetectedLanguage);
        Assert.False(_server.Requests[0].Query.ContainsKey("from"));
    }

    [Fact]
    public async Task Azure_splits_a_long_catalog_into_several_requests()
    {
        var texts = Enumerable.Range(0, 150).Select(i => $"text {i}").ToList();

        var result = await Client("azure").TranslateAsync(texts, "en", "ti", CancellationToken.None);

        Assert.Equal(150, result.Texts.Count);
        Assert.Equal(FakeTranslatorServer.TigrinyaMarker + "text 149", result.Texts[149].Text);
        Assert.Equal(2, _server.Count("/translate"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Detects_the_language_of_a_text(string provider)
    {
        var result = await Client(provider).DetectAsync("ሰላም፣ ሓገዝ ደልየ", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("ti", result.Language);
        Assert.True(result.Score >= 0.5);
    }

    [Fact]
    public async Task DeepL_sends_the_key_header_and_a_json_body_with_upper_case_languages()
    {
        var result = await Client("deepl").TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal("Krankenpflegerin", Assert.Single(result.Texts).Text);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v2/translate", request.Path);
        Assert.Equal("DeepL-Auth-Key " + FakeTranslatorServer.Key, request.Headers["Authorization"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("nurse", body["text"]![0]!.GetValue<string>());
        Assert.Equal("DE", body["target_lang"]!.GetValue<string>());
        Assert.Equal("EN", body["source_lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeepL_asks_for_british_or_american_english_never_plain_EN_as_a_target()
    {
        await Client("deepl").TranslateAsync(["Krankenpflegerin"], "de", "en", CancellationToken.None);

        Assert.Equal("EN-GB", JsonNode.Parse(_server.Requests[0].Body)!["target_lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task LibreTranslate_sends_q_as_a_list_with_source_target_format_and_key()
    {
        var result = await Client("libretranslate").TranslateAsync(["nurse", "ممرضة"], null, "de", CancellationToken.None);

        Assert.Equal(["Krankenpflegerin", "Krankenschwester"], result.Texts.Select(t => t.Text));
        Assert.Equal("ar", result.Texts[1].DetectedLanguage);
        var body = JsonNode.Parse(_server.Requests[0].Body)!;
        Assert.Equal("auto", body["source"]!.GetValue<string>());
        Assert.Equal("de", body["target"]!.GetValue<string>());
        Assert.Equal("text", body["format"]!.GetValue<string>());
        Assert.Equal(FakeTranslatorServer.Key, body["api_key"]!.GetValue<string>());
        Assert.Equal(2, body["q"]!.AsArray().Count);
    }

    [Fact]
    public async Task Plain_language_German_is_German_to_a_translator()
    {
        await Client("azure").TranslateAsync(["Hallo"], "de-plain", "en", CancellationToken.None);

        Assert.Equal("de", _server.Requests[0].Query["from"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_wrong_key_is_an_invalid_request(string provider)
    {
        var result = await Client(provider, key: "wrong").TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.InvalidRequest, result.Failure);
        Assert.Empty(result.Texts);
    }

    [Theory]
    [InlineData("azure", "401")]
    [InlineData("azure", "403")]
    [InlineData("azure", "400")]
    [InlineData("deepl", "403")]
    [InlineData("deepl", "413")]
    [InlineData("libretranslate", "400")]
    public async Task Refused_requests_are_invalid_requests(string provider, string status)
    {
        _server.Failure = status;

        var result = await Client(provider).TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.InvalidRequest, result.Failure);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Too_many_requests_is_quota_exceeded_with_the_retry_after(string provider)
    {
        _server.Failure = "429";
        _server.RetryAfterSeconds = 12;

        var result = await Client(provider).TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.QuotaExceeded, result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(12), result.RetryAfter);
    }

    [Fact]
    public async Task After_a_429_with_Retry_After_no_request_is_sent_until_it_has_passed()
    {
        _server.Failure = "429";
        _server.RetryAfterSeconds = 600;
        var client = Client("azure");
        await client.TranslateAsync(["nurse"], "en", "de", CancellationToken.None);
        _server.Failure = null;

        var again = await client.TranslateAsync(["nurse"], "en", "de", CancellationToken.None);
        var detection = await client.DetectAsync("ነርስ", CancellationToken.None);

        Assert.Equal(TranslationFailure.QuotaExceeded, again.Failure);
        Assert.True(again.RetryAfter > TimeSpan.FromSeconds(500));
        Assert.Equal(TranslationFailure.QuotaExceeded, detection.Failure);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DeepL_456_is_quota_exceeded()
    {
        _server.Failure = "456";

        var result = await Client("deepl").TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.QuotaExceeded, result.Failure);
        Assert.Null(result.RetryAfter);
    }

    [Theory]
    [InlineData("azure", "500")]
    [InlineData("azure", "503")]
    [InlineData("deepl", "500")]
    [InlineData("libretranslate", "500")]
    public async Task Server_errors_are_service_errors(string provider, string status)
    {
        _server.Failure = status;

        var result = await Client(provider).TranslateAsync(["nurse"], "en", "de", CancellationToken.None);
        var detection = await Client(provider).DetectAsync("ነርስ", CancellationToken.None);

        Assert.Equal(TranslationFailure.ServiceError, result.Failure);
        Assert.Equal(TranslationFailure.ServiceError, detection.Failure);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Malformed_json_is_a_garbage_response(string provider)
    {
        _server.Failure = "garbage";

        var result = await Client(provider).TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.GarbageResponse, result.Failure);
    }

    [Fact]
    public async Task An_answer_with_fewer_texts_than_asked_is_a_garbage_response()
    {
        _server.Failure = "short";

        var result = await Client("azure").TranslateAsync(["nurse", "Syria"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.GarbageResponse, result.Failure);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_service_that_does_not_answer_in_time_is_a_timeout(string provider)
    {
        _server.Failure = "hang";

        var result = await Client(provider, timeoutSeconds: 1).TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.Timeout, result.Failure);
    }

    [Fact]
    public async Task A_refused_connection_is_a_service_error()
    {
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();
        var options = new TranslationOptions { Provider = "azure", Endpoint = endpoint, Key = "k", TimeoutSeconds = 5 };
        var client = new AzureTranslator(_http, options, NullLogger<AzureTranslator>.Instance);

        var result = await client.TranslateAsync(["nurse"], "en", "de", CancellationToken.None);

        Assert.Equal(TranslationFailure.ServiceError, result.Failure);
        _server = await FakeTranslatorServer.StartAsync();
    }

    [Fact]
    public async Task No_translator_reports_not_configured()
    {
        var none = new NoTranslator();

        Assert.Equal(TranslationFailure.NotConfigured, (await none.TranslateAsync(["x"], "en", "de", CancellationToken.None)).Failure);
        Assert.Equal(TranslationFailure.NotConfigured, (await none.DetectAsync("x", CancellationToken.None)).Failure);
        Assert.False(none.IsConfigured);
    }

    [Theory]
    [InlineData("Hello {name}, your time is {when}.", "Hallo [#0], Ihr Termin ist [ # 1 ].", "Hallo {name}, Ihr Termin ist {when}.")]
    [InlineData("Hello {name}, your time is {when}.", "Hallo, Ihr Termin ist [#1].", null)]
    [InlineData("Hello {name}.", "Hallo [#0] [#0].", null)]
    [InlineData("Hello {name}.", "Hallo {name}.", null)]
    [InlineData("No placeholder.", "Kein Platzhalter.", "Kein Platzhalter.")]
    public void Placeholders_survive_translation_or_the_text_is_refused(string source, string translated, string? expected)
    {
        var (text, names) = PlaceholderGuard.Protect(source);

        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.Equal(expected, PlaceholderGuard.Restore(translated, names));
    }
}
