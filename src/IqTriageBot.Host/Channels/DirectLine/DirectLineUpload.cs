using System.Security.Cryptography;
using System.Text.Json;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>
/// POST …/upload: a message with files, as multipart (an "activity" part plus "file" parts, what
/// DirectLineJS and Botium send) or a single raw file. Files are kept in the database and linked from
/// the activity under an unguessable id.
/// </summary>
public static class DirectLineUpload
{
    public static async Task<IResult> Upload(
        string conversationId,
        string? userId,
        HttpContext context,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        IDirectLineStore store,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        ILogger<ConversationHub> logger)
    {
        var request = context.Request;
        var (conversation, failure, caller) = await DirectLineEndpoints.ResolveAsync(conversationId, request, auth, conversations, context.RequestAborted);
        if (failure is not null)
        {
            return failure;
        }

        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit + DirectLineOptions.MaxActivityBytes)
        {
            return DirectLineErrors.TooLarge($"Uploads are limited to {limit / 1024} KB.");
        }

        Activity? activity = null;
        var files = new List<(string ContentType, string? Name, byte[] Data)>();
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(
                    new FormOptions { MultipartBodyLengthLimit = limit + DirectLineOptions.MaxActivityBytes, ValueLengthLimit = DirectLineOptions.MaxActivityBytes },
                    context.RequestAborted);
                foreach (var part in form.Files)
                {
                    if (part.Name == "activity")
                    {
                        if (part.Length > DirectLineOptions.MaxActivityBytes)
                        {
                            return DirectLineErrors.TooLarge("The activity part is larger than 256 KB.");
                        }

                        await using var stream = part.OpenReadStream();
                        activity = await JsonSerializer.DeserializeAsync<Activity>(stream, ProtocolJson.Options, context.RequestAborted);
                        continue;
                    }

                    files.Add((part.ContentType ?? "application/octet-stream", part.FileName, await ReadAllAsync(part.OpenReadStream(), context.RequestAborted)));
                }

                if (form.TryGetValue("activity", out var activityField) && activity is null)
                {
                    activity = JsonSerializer.Deserialize<Activity>(activityField.ToString(), ProtocolJson.Options);
                }
            }
            else
            {
                var disposition = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var parsed) ? parsed : null;
                var data = await ReadLimitedAsync(request.Body, limit, context.RequestAborted);
                if (data is null)
                {
                    return DirectLineErrors.TooLarge($"Uploads are limited to {limit / 1024} KB.");
                }

                files.Add((request.ContentType ?? "application/octet-stream", disposition?.FileName.ToString().Trim('"'), data));
            }
        }
        catch (InvalidDataException)
        {
            return DirectLineErrors.TooLarge($"Uploads are limited to {limit / 1024} KB.");
        }
        catch (JsonException)
        {
            return DirectLineErrors.BadArgument("The 'activity' part is not a valid activity.");
        }

        var total = files.Sum(f => (long)f.Data.Length);
        if (total > limit)
        {
            return DirectLineErrors.TooLarge($"Uploads are limited to {limit / 1024} KB.");
        }

        activity ??= new Activity { Type = ActivityTypes.Message };
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= new ChannelAccount();
        activity.From.Id ??= userId;
        if (DirectLineEndpoints.Validate(activity, caller!) is { } invalid)
        {
            return invalid;
        }

        var baseUrl = PublicUrls.HttpBase(request, options.Value);
        activity.Attachments = [];
        foreach (var (contentType, name, data) in files)
        {
            var fileId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            await store.SaveFileAsync(new StoredFile(fileId, conversation!.Id, contentType, name, data), time.GetUtcNow(), context.RequestAborted);
            activity.Attachments.Add(new Attachment { ContentType = contentType, ContentUrl = $"{baseUrl}/v3/directline/files/{fileId}", Name = name });
        }

        DirectLineLog.Uploaded(logger, files.Count, total);
        var id = await conversations.AcceptAsync(conversation!, activity, caller!, context.RequestAborted);
        return TypedResults.Json(new ResourceResponse(id), ProtocolJson.Options);
    }

    /// <summary>Serves an uploaded file. Only images are shown inline; everything else downloads, sandboxed.</summary>
    public static async Task<IResult> Download(string fileId, HttpResponse response, IDirectLineStore store, CancellationToken cancellationToken)
    {
        var file = await store.GetFileAsync(fileId, cancellationToken);
        if (file is null)
        {
            return DirectLineErrors.Error(StatusCodes.Status404NotFound, "NotFound", "The file does not exist.");
        }

        response.Headers["Content-Security-Policy"] = "sandbox";
        var inline = file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !file.ContentType.Contains("svg", StringComparison.OrdinalIgnoreCase);
        return inline
            ? TypedResults.File(file.Data, file.ContentType)
            : TypedResults.File(file.Data, "application/octet-stream", file.Name ?? "file");
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
