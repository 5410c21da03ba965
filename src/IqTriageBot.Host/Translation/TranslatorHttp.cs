using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IqTriageBot.Domain.Translation;

namespace IqTriageBot.Host.Translation;

/// <summary>
/// The HTTP part all clients share: one POST with a time limit, and the mapping of every way it can go
/// wrong (status codes, time-out, refused connection, unreadable body) to a <see cref="TranslationFailure"/>.
/// </summary>
internal static class TranslatorHttp
{
    /// <summary>The parsed JSON answer, or why there is none; <paramref name="configure"/> adds headers.</summary>
    public static async Task<HttpOutcome> PostJsonAsync(HttpClient http, Uri uri, JsonNode body, Action<HttpRequestMessage> configure, TimeSpan timeout, Func<int, TranslationFailure?>? special, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            configure(request);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var failure = special?.Invoke(status) ?? Classify(response.StatusCode);
                return new HttpOutcome(null, failure, status, RetryAfter(response));
            }

            var text = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
            try
            {
                return JsonNode.Parse(text) is { } json
                    ? new HttpOutcome(json, TranslationFailure.None, status, null)
                    : new HttpOutcome(null, TranslationFailure.GarbageResponse, status, null);
            }
            catch (JsonException)
            {
                return new HttpOutcome(null, TranslationFailure.GarbageResponse, status, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpOutcome(null, TranslationFailure.Timeout, 0, null);
        }
        catch (HttpRequestException)
        {
            return new HttpOutcome(null, TranslationFailure.ServiceError, 0, null);
        }
    }

    public static TranslationFailure Classify(HttpStatusCode status) => (int)status switch
    {
        429 => TranslationFailure.QuotaExceeded,
        >= 500 => TranslationFailure.ServiceError,
        408 => TranslationFailure.Timeout,
        _ => TranslationFailure.InvalidRequest,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>Splits texts into batches of at most <paramref name="maxItems"/> items and about <paramref name="maxChars"/> characters.</summary>
    public static IEnumerable<IReadOnlyList<string>> Batches(IReadOnlyList<string> texts, int maxItems, int maxChars)
    {
        var batch = new List<string>();
        var chars = 0;
        foreach (var text in texts)
        {
            if (batch.Count > 0 && (batch.Count == maxItems || chars + text.Length > maxChars))
            {
                yield return batch;
                batch = [];
                chars = 0;
            }

            batch.Add(text);
            chars += text.Length;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>A string property of a JSON object, or null when it is missing or of another kind.</summary>
    public static string? Str(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>What one HTTP call came to.</summary>
internal sealed record HttpOutcome(JsonNode? Json, TranslationFailure Failure, int Status, TimeSpan? RetryAfter);
