using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.DirectLine;

/// <summary>Checklist 3.12 item 11: POST …/upload as DirectLineJS and Botium send it.</summary>
public class UploadTests() : IntegrationTest(new Dictionary<string, string?> { ["DirectLine:MaxUploadBytes"] = "4096" })
{
    private const string ActivityPart = """{"type":"message","from":{"id":"user-1"},"text":"my documents","channelData":{"clientActivityID":"upload-1","attachmentSizes":[5,6]}}""";

    [Fact]
    public async Task Multipart_upload_stores_the_files_and_links_them_from_the_echo()
    {
        var conversation = await Api.StartWithUserAsync();
        byte[] text = Encoding.UTF8.GetBytes("Zeugnis");
        byte[] image = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 255];

        using var form = Multipart(ActivityPart, ("zeugnis.txt", "text/plain", text), ("photo.png", "image/png", image));
        using var response = await Api.SendAsync(HttpMethod.Post, UploadPath(conversation.ConversationId), TriageBotFactory.Secret, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = DirectLineApi.Str(await DirectLineApi.ReadObjectAsync(response), "id");
        Assert.Equal($"{conversation.ConversationId}|0000003", id);

        var echo = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities.Single(a => DirectLineApi.Str(a, "id") == id)!;
        Assert.Equal("upload-1", echo["channelData"]?["clientActivityID"]?.GetValue<string>());
        Assert.Equal("my documents", DirectLineApi.Str(echo, "text"));
        var attachments = echo["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        Assert.Equal(["zeugnis.txt", "photo.png"], attachments.Select(a => DirectLineApi.Str(a, "name")));
        Assert.Equal(["text/plain", "image/png"], attachments.Select(a => DirectLineApi.Str(a, "contentType")));

        var urls = attachments.Select(a => new Uri(DirectLineApi.Str(a, "contentUrl"), UriKind.Absolute)).ToList();
        Assert.All(urls, u => Assert.StartsWith("/v3/directline/files/", u.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(text, await Http.GetByteArrayAsync(urls[0].PathAndQuery));
        Assert.Equal(image, await Http.GetByteArrayAsync(urls[1].PathAndQuery));
    }

    [Fact]
    public async Task Downloads_are_sandboxed_and_only_images_are_inline()
    {
        var conversation = await Api.StartWithUserAsync();
        using var form = Multipart(ActivityPart, ("page.html", "text/html", "<script>alert(1)</script>"u8.ToArray()), ("photo.png", "image/png", [1, 2, 3]));
        using var upload = await Api.SendAsync(HttpMethod.Post, UploadPath(conversation.ConversationId), TriageBotFactory.Secret, form);
        var history = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret);
        var urls = history.Activities.Single(a => a?["attachments"] is not null)!["attachments"]!.AsArray()
            .Select(a => new Uri(DirectLineApi.Str(a, "contentUrl")).PathAndQuery).ToList();

        using var html = await Http.GetAsync(urls[0]);
        using var png = await Http.GetAsync(urls[1]);

        Assert.Equal("application/octet-stream", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_file_is_not_found()
    {
        using var response = await Http.GetAsync("/v3/directline/files/0123456789abcdef0123456789abcdef");

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Upload_without_activity_part_becomes_a_message_from_the_query_user()
    {
        var conversation = await Api.StartWithUserAsync();
        using var form = new MultipartFormDataContent();
        form.Add(File("text/plain", [65]), "file", "a.txt");

        using var response = await Api.SendAsync(HttpMethod.Post, UploadPath(conversation.ConversationId), TriageBotFactory.Secret, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities[2]!;
        Assert.Equal("message", DirectLineApi.Str(echo, "type"));
        Assert.Equal("user-1", echo["from"]?["id"]?.GetValue<string>());
        Assert.Single(echo["attachments"]!.AsArray());
    }

    [Fact]
    public async Task Files_over_MaxUploadBytes_are_too_large_and_nothing_is_stored()
    {
        var conversation = await Api.StartWithUserAsync();
        var before = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Raw;

        using var form = Multipart(ActivityPart, ("a.bin", "application/octet-stream", new byte[3000]), ("b.bin", "application/octet-stream", new byte[3000]));
        using var response = await Api.SendAsync(HttpMethod.Post, UploadPath(conversation.ConversationId), TriageBotFactory.Secret, form);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        Assert.Equal(before, (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Raw);
    }

    [Fact]
    public async Task Upload_needs_the_conversations_credentials()
    {
        var conversation = await Api.StartWithUserAsync();
        var other = await Api.GenerateTokenAsync();
        using var form = Multipart(ActivityPart, ("a.txt", "text/plain", [65]));

        using var response = await Api.SendAsync(HttpMethod.Post, UploadPath(conversation.ConversationId), other.Token, form);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    private static string UploadPath(string conversationId) => $"{DirectLineApi.Base}/conversations/{conversationId}/upload?userId=user-1";

    private static MultipartFormDataContent Multipart(string activity, params (string Name, string Type, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent();
        var activityContent = new StringContent(activity, Encoding.UTF8);
        activityContent.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityContent, "activity", "blob");
        foreach (var (name, type, data) in files)
        {
            form.Add(File(type, data), "file", name);
        }

        return form;
    }

    private static ByteArrayContent File(string type, byte[] data)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }
}
