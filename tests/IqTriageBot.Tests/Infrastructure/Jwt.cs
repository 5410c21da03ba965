using System.Text;
using System.Text.Json.Nodes;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>Reads and re-encodes the parts of a compact JWT, as a browser's jwt-decode would.</summary>
public static class Jwt
{
    public static JsonObject Payload(string token) => JsonNode.Parse(FromBase64Url(token.Split('.')[1]))!.AsObject();

    public static string WithPayload(string token, JsonObject payload)
    {
        var parts = token.Split('.');
        return parts[0] + "." + ToBase64Url(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
    }

    public static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        return Convert.FromBase64String(padded);
    }
}
