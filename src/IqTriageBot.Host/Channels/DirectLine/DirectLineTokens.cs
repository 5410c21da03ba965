using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>What a token grants: one conversation, optionally bound to one user.</summary>
public sealed record TokenGrant(string Kind, string ConversationId, string? UserId, DateTimeOffset ExpiresUtc);

public enum TokenStatus
{
    Valid,
    Invalid,
    Expired,
}

public sealed record TokenCheck(TokenStatus Status, TokenGrant? Grant);

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs (HS256) whose key is derived from the Direct Line
/// secret. Web Chat and DirectLineJS read the "user" claim, so the user id travels inside the token.
/// </summary>
public sealed class DirectLineTokens
{
    public const string ConversationKind = "conversation";
    public const string StreamKind = "stream";
    private const string Issuer = "iqtriagebot-directline";

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public DirectLineTokens(DirectLineSecret secret, TimeProvider time)
    {
        // A derived key: the secret itself is never used to sign, so a token reveals nothing about it.
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Value), "IqTriageBot.DirectLine.TokenKey.v1"u8);
        _time = time;
    }

    public string Issue(string kind, string conversationId, string? userId, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var claims = new TokenClaims
        {
            Iss = Issuer,
            Kind = kind,
            Conv = conversationId,
            User = userId,
            Iat = now.ToUnixTimeSeconds(),
            Nbf = now.ToUnixTimeSeconds(),
            Exp = now.Add(lifetime).ToUnixTimeSeconds(),
            Jti = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        var signingInput = Base64Url(Header) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.TokenClaims));
        return signingInput + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>Checks signature, issuer and lifetime; an expired token is reported as such only when its signature holds.</summary>
    public TokenCheck Check(string token, string expectedKind)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!TryFromBase64Url(parts[2], out var signature) || !CryptographicOperations.FixedTimeEquals(expected, signature)
            || !TryFromBase64Url(parts[1], out var payload))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(payload, TokenJson.Default.TokenClaims);
        }
        catch (JsonException)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        if (claims is null || claims.Iss != Issuer || claims.Kind != expectedKind || string.IsNullOrEmpty(claims.Conv))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var grant = new TokenGrant(claims.Kind, claims.Conv, claims.User, DateTimeOffset.FromUnixTimeSeconds(claims.Exp));
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return now >= claims.Exp || now < claims.Nbf
            ? new TokenCheck(TokenStatus.Expired, grant)
            : new TokenCheck(TokenStatus.Valid, grant);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}

internal sealed class TokenClaims
{
    [JsonPropertyName("iss")] public string? Iss { get; set; }

    [JsonPropertyName("kind")] public string? Kind { get; set; }

    [JsonPropertyName("conv")] public string? Conv { get; set; }

    [JsonPropertyName("user")] public string? User { get; set; }

    [JsonPropertyName("iat")] public long Iat { get; set; }

    [JsonPropertyName("nbf")] public long Nbf { get; set; }

    [JsonPropertyName("exp")] public long Exp { get; set; }

    [JsonPropertyName("jti")] public string? Jti { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenClaims))]
internal sealed partial class TokenJson : JsonSerializerContext;
