using System.Security.Cryptography;
using System.Text;

namespace IqTriageBot.Host.Channels.Messengers;

/// <summary>Raw webhook bodies and constant-time secret comparison.</summary>
public static class WebhookBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The raw bytes (signatures are computed over them), or null when the body exceeds <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Compares two secrets in time independent of where they differ (and of their lengths, by hashing first).</summary>
    public static bool SecretEquals(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(given) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
