using System.Text.Json;

namespace IqTriageBot.Host.Hosting;

/// <summary>Why a JSON body could not be read; the endpoint turns it into its own error shape.</summary>
public enum BodyProblem
{
    None,
    TooLarge,
    Malformed,
}

public readonly record struct BodyResult<T>(T? Value, BodyProblem Problem, string? Reason);

/// <summary>Reads a JSON request body with a byte limit, reporting oversize and malformed input as values.</summary>
public static class RequestBody
{
    public static async Task<BodyResult<T>> ReadJsonAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new BodyResult<T>(null, BodyProblem.TooLarge, $"The body is larger than {maxBytes / 1024} KB.");
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new BodyResult<T>(null, BodyProblem.TooLarge, $"The body is larger than {maxBytes / 1024} KB.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new BodyResult<T>(null, BodyProblem.None, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return new BodyResult<T>(value, BodyProblem.None, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : string.Empty;
            return new BodyResult<T>(null, BodyProblem.Malformed, "The body is not valid JSON for this request" + where + ".");
        }
    }
}
