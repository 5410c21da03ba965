using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IqTriageBot.LoadDriver;

/// <summary>A fresh conversation: new ids, so no state is shared with earlier runs.</summary>
internal sealed class Conversation
{
    public string Id { get; } = "load-" + Guid.NewGuid().ToString("N");

    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N");
}

/// <summary>Result of one turn. Timestamps are Stopwatch ticks; Error is null for a valid answer.</summary>
internal readonly record struct TurnOutcome(long Started, long Finished, string? Error, bool Unreachable, string[]? Texts);

/// <summary>Posts one activity with deliveryMode expectReplies and checks the replies in the 200 body.</summary>
internal sealed class TurnClient(HttpClient http, Uri baseUrl, string locale)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Uri _endpoint = new(baseUrl, "api/messages");

    /// <summary>
    /// Reply texts of a known-good conversation, per step. The dialog is deterministic, so any other text
    /// (the apology of a failed turn, a reply from the wrong step) is an error even when the count matches.
    /// </summary>
    public string[]?[]? Reference { get; set; }

    public async Task<TurnOutcome> RunAsync(int stepIndex, Conversation conversation, CancellationToken cancellationToken)
    {
        var step = ConversationScript.Steps[stepIndex];
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(BuildActivity(step, conversation)) { Headers = { ContentType = Json } },
        };

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // Drain so the connection goes back to the pool instead of being torn down.
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return Fail(started, $"{step.Name}: HTTP {(int)response.StatusCode}");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var body = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                var finished = Stopwatch.GetTimestamp();
                var texts = new string[step.Replies];
                var problem = Check(step, stepIndex, body.RootElement, texts);
                return new TurnOutcome(started, finished, problem is null ? null : $"{step.Name}: {problem}", false, problem is null ? texts : null);
            }
        }
        catch (HttpRequestException exception)
        {
            var unreachable = exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return Fail(started, $"{step.Name}: {(unreachable ? "connection failed" : "HTTP error " + exception.HttpRequestError)}", unreachable);
        }
        catch (IOException)
        {
            return Fail(started, $"{step.Name}: connection broken while reading the body");
        }
        catch (JsonException)
        {
            return Fail(started, $"{step.Name}: body is not JSON");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(started, $"{step.Name}: timeout after {http.Timeout.TotalSeconds:F0} s");
        }
    }

    private static TurnOutcome Fail(long started, string reason, bool unreachable = false) =>
        new(started, Stopwatch.GetTimestamp(), reason, unreachable, null);

    private string? Check(ScriptStep step, int stepIndex, JsonElement root, string[] texts)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("activities", out var activities)
            || activities.ValueKind != JsonValueKind.Array)
        {
            return "no activities array";
        }

        var count = activities.GetArrayLength();
        if (count != step.Replies)
        {
            return $"{count} replies, expected {step.Replies}";
        }

        var index = 0;
        foreach (var reply in activities.EnumerateArray())
        {
            if (Str(reply, "type") != "message")
            {
                return "reply is not a message";
            }

            if (Str(reply, "text") is not { Length: > 0 } text)
            {
                return "reply without text";
            }

            if (step.Locale is not null && Str(reply, "locale") != step.Locale)
            {
                return $"reply locale {Str(reply, "locale") ?? "missing"}, expected {step.Locale}";
            }

            if (Reference?[stepIndex] is { } expected && expected[index] != text)
            {
                return "reply text differs from the reference conversation";
            }

            texts[index++] = text;
        }

        if (step.Mentions is not null && !texts.Any(t => t.Contains(step.Mentions, StringComparison.Ordinal)))
        {
            return $"confirmation does not name {step.Mentions}";
        }

        if (step.Choices)
        {
            var last = activities[count - 1];
            if (!last.TryGetProperty("suggestedActions", out var suggested)
                || suggested.ValueKind != JsonValueKind.Object
                || !suggested.TryGetProperty("actions", out var actions)
                || actions.ValueKind != JsonValueKind.Array
                || actions.GetArrayLength() == 0)
            {
                return "a question without suggested actions";
            }
        }

        return null;
    }

    private static string? Str(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private byte[] BuildActivity(ScriptStep step, Conversation conversation)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", step.IsStart ? "conversationUpdate" : "message");
            writer.WriteString("id", Guid.NewGuid().ToString("N"));
            writer.WriteString("timestamp", DateTimeOffset.UtcNow);
            writer.WriteString("channelId", ConversationScript.ChannelId);
            WriteAccount(writer, "from", conversation.UserId, "user");
            WriteAccount(writer, "recipient", ConversationScript.BotId, "bot");
            writer.WriteStartObject("conversation");
            writer.WriteString("id", conversation.Id);
            writer.WriteEndObject();
            writer.WriteString("locale", locale);
            writer.WriteString("deliveryMode", "expectReplies");
            if (step.IsStart)
            {
                writer.WriteStartArray("membersAdded");
                writer.WriteStartObject();
                writer.WriteString("id", ConversationScript.BotId);
                writer.WriteEndObject();
                writer.WriteStartObject();
                writer.WriteString("id", conversation.UserId);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("text", step.Text);
                writer.WriteString("textFormat", "plain");
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAccount(Utf8JsonWriter writer, string property, string id, string role)
    {
        writer.WriteStartObject(property);
        writer.WriteString("id", id);
        writer.WriteString("role", role);
        writer.WriteEndObject();
    }
}
